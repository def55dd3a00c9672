// New passwords follow NIST SP 800-63B: 8 to 128 code points of the NFKC form, no control characters, not only
// whitespace, not one of the most common passwords, not made of the account's or the service's name. Sign-in still
// accepts a password chosen before these rules.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { memberships, tenants, users } from "../../workers/platform/db/schema";
import { database } from "../../workers/platform/db/database";
import { api, errorOf, uniqueEmail } from "../helpers";

const register = (password: string, email = uniqueEmail("pw")) =>
  api("/api/v1/auth/register", { method: "POST", json: { email, password, tenantName: "Home" } });
const login = (email: string, password: string) => api("/api/v1/auth/login", { method: "POST", json: { email, password } });

async function refusalOf(password: string, email?: string): Promise<string[]> {
  const response = await register(password, email);
  expect(response.status).toBe(400);
  const error = await errorOf(response);
  expect(error.code).toBe("invalid_request");
  return (error.details as { path: string[]; message: string }[]).filter((i) => i.path[0] === "password").map((i) => i.message);
}

/** A hash in the stored format of the password exactly as given, as sign-up wrote it before these rules. */
async function hashAsBefore(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 100_000 }, key, 256);
  const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  return `pbkdf2-sha256$100000$${b64(salt)}$${b64(new Uint8Array(bits))}`;
}

async function accountFromBefore(password: string): Promise<string> {
  const email = uniqueEmail("legacy");
  const [tenantId, userId, now] = [crypto.randomUUID(), crypto.randomUUID(), new Date()];
  const db = database(env.DB);
  await db.batch([
    db.insert(tenants).values({ id: tenantId, name: "Legacy", createdAt: now }),
    db.insert(users).values({ id: userId, email, passwordHash: await hashAsBefore(password), createdAt: now }),
    db.insert(memberships).values({ tenantId, userId, role: "owner", createdAt: now }),
  ]);
  return email;
}

describe("choosing a password", () => {
  it.each(["12345678", "password", "PassWord", "iloveyou", "qwertyuiop", "1qaz2wsx"])("refuses the common password %j", async (password) => {
    expect(await refusalOf(password)).toEqual(["Password is one of the most common passwords"]);
  });

  it("refuses control characters, NUL included, and says so", async () => {
    expect(await refusalOf("\0".repeat(8))).toContain("Password contains a control character");
    expect(await refusalOf("long enough\u0000tail")).toEqual(["Password contains a control character"]);
    expect(await refusalOf("tab\tseparated words")).toEqual(["Password contains a control character"]);
    expect(await refusalOf("next line\u0085here we go")).toEqual(["Password contains a control character"]);
  });

  it("refuses a password of only whitespace", async () => {
    expect(await refusalOf(" ".repeat(8))).toEqual(["Password is only whitespace"]);
    expect(await refusalOf("\u3000".repeat(10))).toEqual(["Password is only whitespace"]);
  });

  it("counts code points of the NFKC form: 8 decomposed letters are 4, 4 ligatures are 8", async () => {
    expect(await refusalOf("e\u0301".repeat(4))).toEqual(["Password must have at least 8 characters"]);
    expect(await refusalOf("zqxw")).toEqual(["Password must have at least 8 characters"]);
    // The ligatures ﬀ ﬁ ﬂ ﬃ are "fffiflffi" in NFKC.
    expect((await register("\uFB00\uFB01\uFB02\uFB03")).status).toBe(201);
    // 7 emoji are 14 UTF-16 units but 7 characters.
    expect(await refusalOf("🦘".repeat(7))).toEqual(["Password must have at least 8 characters"]);
  });

  it("accepts 128 characters and refuses 129", async () => {
    const long = Array.from({ length: 16 }, (_, i) => `wombat${String(i).padStart(2, "0")}`).join(""); // 128
    expect((await register(long)).status).toBe(201);
    expect(await refusalOf(`${long}z`)).toEqual(["Password must have at most 128 characters"]);
  });

  it("refuses a password containing the email address's name, in any case, and the service's name", async () => {
    const email = `Marguerite.Oak-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const localPart = email.split("@")[0]!;
    expect(await refusalOf(`my ${localPart.toUpperCase()} garden`, email)).toEqual(["Password contains the name of the email address"]);
    expect(await refusalOf("all my AutoArr downloads")).toEqual(["Password contains the name of this service"]);
    // A very short name is in too many passphrases to count.
    expect((await register("always a quiet evening", "al@example.com")).status).toBe(201);
  });

  it("accepts a good passphrase with spaces and non-ASCII letters, and the suite's own", async () => {
    expect((await register("grüne Äpfel über dem Fluß")).status).toBe(201);
    expect((await register("Ёжик в тумане 1975")).status).toBe(201);
    expect((await register("correct horse battery staple")).status).toBe(201);
  });

  it("signs in with the same password typed composed or decomposed", async () => {
    const email = uniqueEmail("nfkc");
    expect((await register("cafe\u0301 au lait, s'il vous plai\u0302t", email)).status).toBe(201);
    expect((await login(email, "café au lait, s'il vous plaît")).status).toBe(200);
  });
});

describe("signing in with a password chosen before these rules", () => {
  it("still accepts a common one and a decomposed one", async () => {
    const common = await accountFromBefore("12345678");
    expect((await login(common, "12345678")).status).toBe(200);
    expect((await login(common, "123456789")).status).toBe(401);

    const decomposed = await accountFromBefore("pi\u0303nata party");
    expect((await login(decomposed, "pi\u0303nata party")).status).toBe(200);
  });
});
