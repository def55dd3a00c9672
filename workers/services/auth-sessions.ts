// Sign-up, sign-in and rotating refresh sessions. Refresh tokens are random, stored only as SHA-256 hashes,
// and grouped in families: presenting a token that was already rotated revokes the whole family.
import { and, eq, isNull } from "drizzle-orm";
import { memberships, refreshSessions, tenants, users } from "../db/schema";
import type { AuthContext, Env } from "../env";
import { AppError } from "../errors";
import { issueAccessToken } from "./access-tokens";
import type { Database } from "./db";
import { randomToken, sha256Hex } from "./encoding";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  user: { id: string; email: string };
  tenant: { id: string; name: string };
  role: "owner" | "member";
}

const BAD_CREDENTIALS = "Email or password is incorrect";
const BAD_REFRESH = "Refresh token is invalid or expired";

function accessTtl(env: Env): number {
  return Number(env.ACCESS_TOKEN_TTL_SECONDS ?? 900);
}

function refreshTtlMs(env: Env): number {
  return Number(env.REFRESH_TOKEN_TTL_DAYS ?? 30) * 86_400_000;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function findMembership(db: Database, userId: string) {
  const rows = await db
    .select({ tenantId: memberships.tenantId, role: memberships.role, tenantName: tenants.name, email: users.email })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
    .limit(1);
  return rows[0];
}

async function startSession(db: Database, env: Env, auth: AuthContext, familyId: string): Promise<string> {
  const refreshToken = randomToken();
  const now = Date.now();
  await db.insert(refreshSessions).values({
    id: crypto.randomUUID(),
    tenantId: auth.tenantId,
    userId: auth.userId,
    familyId,
    tokenHash: await sha256Hex(refreshToken),
    createdAt: new Date(now),
    expiresAt: new Date(now + refreshTtlMs(env)),
  });
  return refreshToken;
}

async function tokensFor(db: Database, env: Env, userId: string, familyId: string): Promise<SessionTokens> {
  const membership = await findMembership(db, userId);
  if (!membership) throw new AppError("unauthorized", "This account no longer belongs to a tenant");
  const auth: AuthContext = { userId, tenantId: membership.tenantId, role: membership.role };
  const [accessToken, refreshToken] = await Promise.all([
    issueAccessToken(auth, env.AUTOARR_SECRET_KEY, accessTtl(env)),
    startSession(db, env, auth, familyId),
  ]);
  return {
    accessToken,
    refreshToken,
    tokenType: "Bearer",
    expiresIn: accessTtl(env),
    user: { id: userId, email: membership.email },
    tenant: { id: membership.tenantId, name: membership.tenantName },
    role: membership.role,
  };
}

export async function register(
  db: Database,
  env: Env,
  input: { email: string; password: string; tenantName: string },
): Promise<SessionTokens> {
  const email = normaliseEmail(input.email);
  // No look-up first: an address that has an account costs the same hash and the same insert as a new one, and the
  // unique index answers, so the time of a 409 tells nothing its status does not.
  const now = new Date();
  const tenantId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    await db.batch([
      db.insert(tenants).values({ id: tenantId, name: input.tenantName.trim(), createdAt: now }),
      db.insert(users).values({ id: userId, email, passwordHash, createdAt: now }),
      db.insert(memberships).values({ tenantId, userId, role: "owner", createdAt: now }),
    ]);
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: users.email")) {
      // The read a new account's session makes (it finds nothing here), so the two answers take about as long.
      await findMembership(db, userId);
      throw new AppError("conflict", "An account with this email already exists");
    }
    throw error;
  }
  return tokensFor(db, env, userId, crypto.randomUUID());
}

export async function login(db: Database, env: Env, input: { email: string; password: string }): Promise<SessionTokens> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(input.email))).limit(1);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid) throw new AppError("unauthorized", BAD_CREDENTIALS);
  return tokensFor(db, env, user.id, crypto.randomUUID());
}

async function revokeFamily(db: Database, familyId: string): Promise<void> {
  await db
    .update(refreshSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshSessions.familyId, familyId), isNull(refreshSessions.revokedAt)));
}

export async function refresh(db: Database, env: Env, refreshToken: string): Promise<SessionTokens> {
  const tokenHash = await sha256Hex(refreshToken);
  const [session] = await db.select().from(refreshSessions).where(eq(refreshSessions.tokenHash, tokenHash)).limit(1);
  if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) {
    throw new AppError("unauthorized", BAD_REFRESH);
  }
  // Claim the token atomically: only one caller can rotate it; anyone else is replaying it.
  const claimed = await db
    .update(refreshSessions)
    .set({ rotatedAt: new Date() })
    .where(and(eq(refreshSessions.id, session.id), isNull(refreshSessions.rotatedAt), isNull(refreshSessions.revokedAt)))
    .returning({ id: refreshSessions.id });
  if (claimed.length === 0) {
    await revokeFamily(db, session.familyId);
    throw new AppError("unauthorized", "Refresh token was already used; every session it belonged to is now signed out");
  }
  return tokensFor(db, env, session.userId, session.familyId);
}

export async function logout(db: Database, refreshToken: string): Promise<void> {
  const tokenHash = await sha256Hex(refreshToken);
  const [session] = await db.select().from(refreshSessions).where(eq(refreshSessions.tokenHash, tokenHash)).limit(1);
  if (session) await revokeFamily(db, session.familyId);
}

export async function describeAuth(db: Database, auth: AuthContext) {
  const rows = await db
    .select({ email: users.email, tenantName: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, auth.userId), eq(memberships.tenantId, auth.tenantId)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError("unauthorized", "This account no longer belongs to this tenant");
  return { user: { id: auth.userId, email: row.email }, tenant: { id: auth.tenantId, name: row.tenantName }, role: row.role };
}
