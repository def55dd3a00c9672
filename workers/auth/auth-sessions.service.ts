// Sign-up, sign-in and rotating refresh sessions. Refresh tokens are random, stored only as SHA-256 hashes,
// and grouped in families: presenting a token that was already rotated revokes the whole family (after a short
// window in which a concurrent refresh of the same token gets the same answer). A family is a session: access
// tokens name it (`sid`), so ending it ends them too.
import { and, eq, isNull } from "drizzle-orm";
import { memberships, refreshSessions, tenants, users } from "../platform/db/schema";
import { type AuthContext, type Env, envVars } from "../platform/env";
import { AppError } from "../platform/errors";
import { accessTokenTtlSeconds, issueAccessToken } from "./access-tokens.service";
import type { Database } from "../platform/db/database";
import { randomToken, sha256Hex } from "../platform/encoding";
import { insertSuccessor, REUSE_WINDOW_MS, successorOf } from "./refresh-rotation.service";
import { endSessions } from "./session-revocation.service";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords.service";
import { admitSignIn, type FailedSignInsNotice, signInSucceeded } from "./sign-in-backoff.service";

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  user: { id: string; email: string };
  tenant: { id: string; name: string };
  role: "owner" | "member";
  /** On sign-in, the failed attempts since the last successful one. */
  notice?: FailedSignInsNotice;
}

const BAD_CREDENTIALS = "Email or password is incorrect";
const BAD_REFRESH = "Refresh token is invalid or expired";

function accessTtl(env: Env): number {
  return accessTokenTtlSeconds(env);
}

function refreshTtlMs(env: Env): number {
  return envVars(env).REFRESH_TOKEN_TTL_DAYS * 86_400_000;
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

/** `refreshToken`: the one already stored for this rotation; otherwise a new session is started. */
async function tokensFor(db: Database, env: Env, userId: string, familyId: string, refreshToken?: string): Promise<SessionTokens> {
  const membership = await findMembership(db, userId);
  if (!membership) throw new AppError("unauthorized", "This account no longer belongs to a tenant");
  const auth: AuthContext = { userId, tenantId: membership.tenantId, role: membership.role };
  const [accessToken, sessionToken] = await Promise.all([issueAccessToken(auth, familyId, env), refreshToken ?? startSession(db, env, auth, familyId)]);
  return {
    accessToken,
    refreshToken: sessionToken,
    tokenType: "Bearer",
    expiresIn: accessTtl(env),
    user: { id: userId, email: membership.email },
    tenant: { id: membership.tenantId, name: membership.tenantName },
    role: membership.role,
  };
}

export async function register(db: Database, env: Env, input: { email: string; password: string; tenantName: string }): Promise<SessionTokens> {
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

/** `network`: the caller's address bucket (lib/address-bucket.ts), for the account's backoff. */
export async function login(db: Database, env: Env, input: { email: string; password: string }, network: string): Promise<SessionTokens> {
  const email = normaliseEmail(input.email);
  await admitSignIn(env, email, network);
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid) throw new AppError("unauthorized", BAD_CREDENTIALS);
  const notice = await signInSucceeded(env, email, network);
  const tokens = await tokensFor(db, env, user.id, crypto.randomUUID());
  return notice ? { ...tokens, notice } : tokens;
}

/** The refresh sessions' notion of now; tests move it forward instead of sleeping. */
export const authClock = { now: (): number => Date.now() };

async function sessionOf(db: Database, refreshToken: string) {
  const tokenHash = await sha256Hex(refreshToken);
  const [session] = await db.select().from(refreshSessions).where(eq(refreshSessions.tokenHash, tokenHash)).limit(1);
  return session;
}

export async function refresh(db: Database, env: Env, refreshToken: string): Promise<SessionTokens> {
  const now = authClock.now();
  const session = await sessionOf(db, refreshToken);
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now) {
    throw new AppError("unauthorized", BAD_REFRESH);
  }
  const successor = await successorOf(refreshToken, env);
  if (!session.rotatedAt) {
    // The successor's row comes first, so whoever loses the claim below finds it there.
    await insertSuccessor(db, session, successor, now, now + refreshTtlMs(env));
    // Claim the token atomically: only one caller rotates it.
    const claimed = await db
      .update(refreshSessions)
      .set({ rotatedAt: new Date(now) })
      .where(and(eq(refreshSessions.id, session.id), isNull(refreshSessions.rotatedAt), isNull(refreshSessions.revokedAt)))
      .returning({ id: refreshSessions.id });
    if (claimed.length > 0) return tokensFor(db, env, session.userId, session.familyId, successor);
  }
  // Rotated already: just now (a concurrent refresh) gets the same successor while it is unused; otherwise a replay.
  const rotated = session.rotatedAt ? session : await sessionOf(db, refreshToken);
  if (!rotated || rotated.revokedAt) throw new AppError("unauthorized", BAD_REFRESH);
  const next = await sessionOf(db, successor);
  const answerAgain =
    rotated.rotatedAt !== null &&
    now - rotated.rotatedAt.getTime() <= REUSE_WINDOW_MS &&
    next &&
    !next.rotatedAt &&
    !next.revokedAt &&
    next.expiresAt.getTime() > now;
  if (answerAgain) return tokensFor(db, env, session.userId, session.familyId, successor);
  await endSessions(env, session.tenantId, { userId: session.userId, sessionId: session.familyId });
  throw new AppError("unauthorized", "Refresh token was already used; every session it belonged to is now signed out");
}

/** Ends the token's session everywhere: its refresh tokens, its access tokens and its sockets. */
export async function logout(db: Database, env: Env, refreshToken: string): Promise<void> {
  const session = await sessionOf(db, refreshToken);
  if (session) await endSessions(env, session.tenantId, { userId: session.userId, sessionId: session.familyId });
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
