import { describe, expect, it } from "vitest";
import { decodePairing } from "@autoarr/contract";
import { api, signUp } from "../helpers";

describe("connectors", () => {
  it("registers a connector and shows its pairing code once", async () => {
    const owner = await signUp("pair");
    const created = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: "https://nas.example.com" } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { connector: { id: string; name: string; lastSeenAt: null }; pairingCode: string };
    expect(body.connector).toMatchObject({ name: "NAS", url: "https://nas.example.com", lastSeenAt: null, reachable: null });

    const pairing = decodePairing(body.pairingCode);
    expect(pairing).toMatchObject({ v: 1, tenantId: owner.tenant.id, connectorId: body.connector.id });
    expect(pairing.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = (await (await api("/api/v1/connectors", { token: owner.accessToken })).json()) as { connectors: unknown[] };
    expect(list.connectors).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(pairing.secret);
    const one = await api(`/api/v1/connectors/${body.connector.id}`, { token: owner.accessToken });
    expect(JSON.stringify(await one.json())).not.toContain(pairing.secret);
  });

  it("keeps the pairing secret encrypted at rest", async () => {
    const { env } = await import("cloudflare:test");
    const owner = await signUp("sealed");
    const body = (await (
      await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: "http://127.0.0.1:8790" } })
    ).json()) as { connector: { id: string }; pairingCode: string };
    const row = await env.DB.prepare("SELECT secret_ciphertext FROM connectors WHERE id = ?").bind(body.connector.id).first<{ secret_ciphertext: string }>();
    const { secret } = decodePairing(body.pairingCode);
    const { keyRing } = await import("../../workers/platform/crypto/key-ring");
    const ring = await keyRing(env);
    expect(row!.secret_ciphertext.startsWith(`v2.${ring.current.id}.`)).toBe(true);
    expect(row!.secret_ciphertext).not.toContain(secret);

    const { open } = await import("../../workers/platform/crypto/secret-box");
    expect(await open(row!.secret_ciphertext, ring, `connector:${body.connector.id}`)).toEqual({ plaintext: secret, stale: false });
    await expect(open(row!.secret_ciphertext, ring, "connector:another-id")).rejects.toThrow();
  });

  it("refuses plain http to anything but this machine, and duplicate names", async () => {
    const owner = await signUp("urls");
    const insecure = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "x", url: "http://nas.example.com" } });
    expect(insecure.status).toBe(400);
    const notUrl = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "x", url: "nas" } });
    expect(notUrl.status).toBe(400);
    await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: "https://a.example.com" } });
    const duplicate = await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: "https://b.example.com" } });
    expect(duplicate.status).toBe(409);
  });

  it("deletes a connector", async () => {
    const owner = await signUp("delete");
    const { connector } = (await (
      await api("/api/v1/connectors", { method: "POST", token: owner.accessToken, json: { name: "NAS", url: "https://a.example.com" } })
    ).json()) as { connector: { id: string } };
    expect((await api(`/api/v1/connectors/${connector.id}`, { method: "DELETE", token: owner.accessToken })).status).toBe(204);
    expect((await api(`/api/v1/connectors/${connector.id}`, { token: owner.accessToken })).status).toBe(404);
  });
});
