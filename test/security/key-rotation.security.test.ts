// Rotating AUTOARR_SECRET_KEY (new key set, old key moved to AUTOARR_SECRET_KEY_PREVIOUS): what was sealed under
// the old key keeps working, is re-sealed under the new key when read and by the cron's bounded pass, and opens
// with the new key alone afterwards; a value sealed under a key the Worker no longer holds is unreadable, never a 500.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signConnectorToken } from "../../durable-objects/tenant-hub/connector-token";
import { findConnectorTarget } from "../../durable-objects/tenant-hub/connector-lookup";
import worker from "../../workers/index";
import { readRecoverySettings } from "../../workers/monitoring/settings";
import { resealStaleSecrets } from "../../workers/connectors/reseal-pass.service";
import { sealPurpose } from "../../workers/connectors/connectors.service";
import { database } from "../../workers/platform/db/database";
import { base64url } from "../../workers/platform/encoding";
import { keyRing } from "../../workers/platform/crypto/key-ring";
import { open, seal } from "../../workers/platform/crypto/secret-box";
import { api, signUp } from "../helpers";
import { pairedTenantsForThisFile } from "../stacks";

const paired = pairedTenantsForThisFile();

const KEY_A = env.AUTOARR_SECRET_KEY;
const KEY_B = "rotated-key-B-for-the-key-rotation-suite-0123456789";
const KEY_C = "a-key-this-worker-never-held-C-0123456789abcdefgh";
const onlyA = { ...env, AUTOARR_SECRET_KEY: KEY_A, AUTOARR_SECRET_KEY_PREVIOUS: undefined };
const rotated = { ...env, AUTOARR_SECRET_KEY: KEY_B, AUTOARR_SECRET_KEY_PREVIOUS: KEY_A };
const onlyB = { ...env, AUTOARR_SECRET_KEY: KEY_B, AUTOARR_SECRET_KEY_PREVIOUS: undefined };
const DEAD_CONNECTOR_URL = "http://127.0.0.1:9";

// Written by the secret box before sealed values carried a key id (v1), under the suite's old fixed key: rows
// stored like this must keep opening.
const OLD_FIXED_KEY = "test-secret-key-for-vitest-only-0123456789abcdef";
const FIXTURE_PURPOSE = "connector:key-rotation-legacy-connector";
const FIXTURE_PLAINTEXT = "legacy-pairing-secret-0123456789";
const FIXTURE_V1 = "v1.-KLyRp1Tdm_hfpQU.6i5HFZJc_3hhZW5fhwHFHGCkldYaS6RNmkWtlK8g5Ee52MJ3keoh5jHblst7K3or";

const LEGACY_TENANT = "key-rotation-legacy-tenant";
const LEGACY_CONNECTOR = "key-rotation-legacy-connector";
const LEGACY_SECRET = "legacy-pairing-secret-0123456789";
const LEGACY_WEBHOOK = "https://hooks.example.com/legacy/0123456789";

/** The v1 format as the secret box wrote it before key ids (the fixture above pins that this is it). */
async function legacySeal(plaintext: string, masterSecret: string, purpose: string): Promise<string> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", encoder.encode(masterSecret), "HKDF", false, ["deriveKey"]);
  const key = await crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: encoder.encode("autoarr-secret-box"), info: encoder.encode(purpose) },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt"],
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, encoder.encode(plaintext));
  return `v1.${base64url(iv)}.${base64url(new Uint8Array(ciphertext))}`;
}

const webhookPurpose = (tenantId: string) => `recovery-webhook:${tenantId}`;

async function keyIdOf(key: string) {
  return (await keyRing({ AUTOARR_SECRET_KEY: key })).current.id;
}

async function connectorCiphertext(id: string) {
  const row = await env.DB.prepare("SELECT secret_ciphertext AS sealed FROM connectors WHERE id = ?").bind(id).first<{ sealed: string }>();
  return row!.sealed;
}

async function webhookCiphertext(tenantId: string) {
  const row = await env.DB.prepare("SELECT json_extract(recovery, '$.webhookUrlSealed') AS sealed FROM tenant_settings WHERE tenant_id = ?")
    .bind(tenantId)
    .first<{ sealed: string }>();
  return row!.sealed;
}

async function insertTenant(id: string) {
  await env.DB.prepare("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)").bind(id, id, Date.now()).run();
}

async function insertConnector(tenantId: string, id: string, sealed: string, createdAt = Date.now()) {
  await env.DB.prepare("INSERT INTO connectors (id, tenant_id, name, url, secret_ciphertext, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(id, tenantId, `NAS ${id}`, DEAD_CONNECTOR_URL, sealed, createdAt)
    .run();
}

async function insertWebhook(tenantId: string, sealed: string) {
  const recovery = JSON.stringify({ enabled: true, mode: "approval", maxAttempts: 3, webhookFormat: "json", webhookUrlSealed: sealed });
  await env.DB.prepare("INSERT INTO tenant_settings (tenant_id, recovery, updated_at) VALUES (?, ?, ?)").bind(tenantId, recovery, Date.now()).run();
}

async function sealUnder(key: string, plaintext: string, purpose: string) {
  return seal(plaintext, await keyRing({ AUTOARR_SECRET_KEY: key }), purpose);
}

async function runCron(cronEnv: typeof env) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "*/2 * * * *", scheduledTime: Date.now() }), cronEnv, ctx);
  await waitOnExecutionContext(ctx);
}

describe("sealed secrets across a key rotation", () => {
  it("seals new values with the current key's id", async () => {
    const sealed = await sealUnder(KEY_A, "a secret", "purpose");
    expect(sealed.startsWith(`v2.${await keyIdOf(KEY_A)}.`)).toBe(true);
    expect(sealed).not.toContain(KEY_A);
    const opened = await open(sealed, await keyRing(onlyA), "purpose");
    expect(opened).toEqual({ plaintext: "a secret", stale: false });
  });

  it("opens values sealed before key ids (v1) with the current key, then the previous one, and marks them for re-sealing", async () => {
    const fixture = await open(FIXTURE_V1, await keyRing({ AUTOARR_SECRET_KEY: OLD_FIXED_KEY }), FIXTURE_PURPOSE);
    expect(fixture).toEqual({ plaintext: FIXTURE_PLAINTEXT, stale: true });
    const viaPrevious = await open(FIXTURE_V1, await keyRing({ AUTOARR_SECRET_KEY: KEY_B, AUTOARR_SECRET_KEY_PREVIOUS: OLD_FIXED_KEY }), FIXTURE_PURPOSE);
    expect(viaPrevious).toEqual({ plaintext: FIXTURE_PLAINTEXT, stale: true });

    const underA = await legacySeal(LEGACY_SECRET, KEY_A, sealPurpose(LEGACY_CONNECTOR));
    expect(await open(underA, await keyRing(onlyA), sealPurpose(LEGACY_CONNECTOR))).toEqual({ plaintext: LEGACY_SECRET, stale: true });
    expect(await open(underA, await keyRing(rotated), sealPurpose(LEGACY_CONNECTOR))).toEqual({ plaintext: LEGACY_SECRET, stale: true });
  });

  it("refuses a value under neither key, and one moved to another purpose", async () => {
    const underC = await sealUnder(KEY_C, "a secret", "purpose");
    await expect(open(underC, await keyRing(rotated), "purpose")).rejects.toThrow(/cannot be opened/);
    const underA = await sealUnder(KEY_A, "a secret", "purpose");
    await expect(open(underA, await keyRing(rotated), "another purpose")).rejects.toThrow(/cannot be opened/);
    await expect(open(FIXTURE_V1, await keyRing(rotated), FIXTURE_PURPOSE)).rejects.toThrow(/cannot be opened/);
    await expect(open("v9.garbage", await keyRing(rotated), "purpose")).rejects.toThrow(/cannot be opened/);
  });

  it("a connector paired under key A still works after rotating to B, and that read re-seals its secret under B", async () => {
    const { owner, stack, connectorId } = await paired("rotation-connector");
    const target = (await findConnectorTarget(database(env.DB), owner.tenant.id, await keyRing(rotated)))!;
    const initialize = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "rotation", version: "0" } },
    });
    expect(target.connectorId).toBe(connectorId);

    const call = await fetch(`${stack.connectorUrl}/mcp`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        Authorization: `Bearer ${await signConnectorToken(target, { method: "POST", body: new TextEncoder().encode(initialize) })}`,
      },
      body: initialize,
    });
    expect(call.status).toBe(200);

    expect((await connectorCiphertext(connectorId)).startsWith(`v2.${await keyIdOf(KEY_B)}.`)).toBe(true);
    const withBAlone = (await findConnectorTarget(database(env.DB), owner.tenant.id, await keyRing(onlyB)))!;
    expect(withBAlone.secret).toBe(target.secret);
  });

  it("a recovery webhook URL saved under key A is still read after rotating, and re-sealed under B on that read", async () => {
    const owner = await signUp("rotation-webhook");
    const webhookUrl = "https://hooks.example.com/rotation/secret-path";
    const saved = await api("/api/v1/settings/recovery", { method: "PUT", token: owner.accessToken, json: { enabled: true, mode: "auto", webhookUrl } });
    expect(saved.status).toBe(200);

    expect((await readRecoverySettings(database(env.DB), await keyRing(rotated), owner.tenant.id)).webhookUrl).toBe(webhookUrl);
    expect((await webhookCiphertext(owner.tenant.id)).startsWith(`v2.${await keyIdOf(KEY_B)}.`)).toBe(true);
    expect((await readRecoverySettings(database(env.DB), await keyRing(onlyB), owner.tenant.id)).webhookUrl).toBe(webhookUrl);
  });

  it("after the cron's pass every sealed row carries B's id and opens with B alone; rows under no held key are left as they are", async () => {
    await insertTenant(LEGACY_TENANT);
    await insertConnector(LEGACY_TENANT, LEGACY_CONNECTOR, await legacySeal(LEGACY_SECRET, KEY_A, sealPurpose(LEGACY_CONNECTOR)));
    await insertWebhook(LEGACY_TENANT, await legacySeal(LEGACY_WEBHOOK, KEY_A, webhookPurpose(LEGACY_TENANT)));

    const owner = await signUp("rotation-cron");
    const underA = crypto.randomUUID();
    await insertConnector(owner.tenant.id, underA, await sealUnder(KEY_A, "secret-under-A", sealPurpose(underA)));
    await insertWebhook(owner.tenant.id, await sealUnder(KEY_A, "https://hooks.example.com/under-a", webhookPurpose(owner.tenant.id)));
    const underB = crypto.randomUUID();
    const alreadyB = await sealUnder(KEY_B, "secret-under-B", sealPurpose(underB));
    await insertConnector(owner.tenant.id, underB, alreadyB);
    const stranger = await signUp("rotation-cron-c");
    const underC = crypto.randomUUID();
    const lostC = await sealUnder(KEY_C, "secret-under-C", sealPurpose(underC));
    await insertConnector(stranger.tenant.id, underC, lostC);
    const lostWebhook = await sealUnder(KEY_C, "https://hooks.example.com/under-c", webhookPurpose(stranger.tenant.id));
    await insertWebhook(stranger.tenant.id, lostWebhook);

    await runCron(rotated);

    const idB = await keyIdOf(KEY_B);
    const ringB = await keyRing(onlyB);
    const connectors = await env.DB.prepare("SELECT id, secret_ciphertext AS sealed FROM connectors WHERE id != ?")
      .bind(underC)
      .all<{ id: string; sealed: string }>();
    expect(connectors.results.length).toBeGreaterThanOrEqual(3);
    for (const row of connectors.results) {
      expect(row.sealed.startsWith(`v2.${idB}.`)).toBe(true);
      expect((await open(row.sealed, ringB, sealPurpose(row.id))).stale).toBe(false);
    }
    expect((await open(await connectorCiphertext(LEGACY_CONNECTOR), ringB, sealPurpose(LEGACY_CONNECTOR))).plaintext).toBe(LEGACY_SECRET);
    expect((await open(await connectorCiphertext(underA), ringB, sealPurpose(underA))).plaintext).toBe("secret-under-A");
    expect(await connectorCiphertext(underB)).toBe(alreadyB);
    expect(await connectorCiphertext(underC)).toBe(lostC);

    const webhooks = await env.DB.prepare(
      "SELECT tenant_id, json_extract(recovery, '$.webhookUrlSealed') AS sealed FROM tenant_settings WHERE tenant_id != ? AND recovery IS NOT NULL",
    )
      .bind(stranger.tenant.id)
      .all<{ tenant_id: string; sealed: string }>();
    expect(webhooks.results.length).toBeGreaterThanOrEqual(2);
    for (const row of webhooks.results) expect(row.sealed.startsWith(`v2.${idB}.`)).toBe(true);
    expect((await readRecoverySettings(database(env.DB), ringB, LEGACY_TENANT)).webhookUrl).toBe(LEGACY_WEBHOOK);
    expect((await readRecoverySettings(database(env.DB), ringB, owner.tenant.id)).webhookUrl).toBe("https://hooks.example.com/under-a");
    // The rest of the settings survive the re-seal untouched.
    expect((await readRecoverySettings(database(env.DB), ringB, LEGACY_TENANT)).mode).toBe("approval");
    expect(await webhookCiphertext(stranger.tenant.id)).toBe(lostWebhook);
  });

  it("a notification channel added under key A is re-sealed under B by the cron's pass and still opens", async () => {
    const owner = await signUp("rotation-channel");
    const token = "tk_rotationrotationrotation12345";
    const created = await api("/api/v1/notifications/channels", {
      method: "POST",
      token: owner.accessToken,
      json: { kind: "ntfy", name: "Phone", config: { topic: "autoarr-rotation", token } },
    });
    const { channel } = (await created.json()) as { channel: { id: string } };
    const sealedOf = async () =>
      (await env.DB.prepare("SELECT config_sealed AS sealed FROM notification_channels WHERE id = ?").bind(channel.id).first<{ sealed: string }>())!.sealed;
    expect((await sealedOf()).startsWith(`v2.${await keyIdOf(KEY_A)}.`)).toBe(true);
    await runCron(rotated);
    const resealed = await sealedOf();
    expect(resealed.startsWith(`v2.${await keyIdOf(KEY_B)}.`)).toBe(true);
    const opened = await open(resealed, await keyRing(onlyB), `notification-channel:${channel.id}`);
    expect(JSON.parse(opened.plaintext)).toMatchObject({ topic: "autoarr-rotation", token });
  });

  it("re-seals a bounded number of rows per pass, and nothing while no previous key is set", async () => {
    const owner = await signUp("rotation-bounded");
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) await insertConnector(owner.tenant.id, id, await sealUnder(KEY_A, `secret-${id}`, sealPurpose(id)));
    const idB = await keyIdOf(KEY_B);
    const underB = async () => (await Promise.all(ids.map(connectorCiphertext))).filter((sealed) => sealed.startsWith(`v2.${idB}.`)).length;

    await resealStaleSecrets(onlyB, { batchSize: 2 });
    expect(await underB()).toBe(0);

    const first = await resealStaleSecrets(rotated, { batchSize: 2 });
    expect(first.secretsResealed).toBe(2);
    expect(await underB()).toBe(2);
    await resealStaleSecrets(rotated, { batchSize: 2 });
    expect(await underB()).toBe(3);
  });

  it("a webhook URL under neither key reads as no webhook (200), and a connector under neither key is not a 500", async () => {
    const owner = await signUp("rotation-lost");
    await insertWebhook(owner.tenant.id, await sealUnder(KEY_C, "https://hooks.example.com/lost", webhookPurpose(owner.tenant.id)));
    const connectorId = crypto.randomUUID();
    await insertConnector(owner.tenant.id, connectorId, await sealUnder(KEY_C, "lost secret", sealPurpose(connectorId)));

    const settings = await api("/api/v1/settings/recovery", { token: owner.accessToken });
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ webhookUrl: null, mode: "approval" });
    expect((await readRecoverySettings(database(env.DB), await keyRing(rotated), owner.tenant.id)).webhookUrl).toBeNull();

    expect(await findConnectorTarget(database(env.DB), owner.tenant.id, await keyRing(rotated))).toBeNull();
    const tools = await api("/api/v1/mcp/tools", { token: owner.accessToken });
    expect(tools.status).toBeLessThan(500);
  });
});
