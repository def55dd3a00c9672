// Revoking refresh sessions in D1: one session (a refresh family, at logout or on a replayed token) or every
// session a user has in a tenant (when they are removed from it). The tenant's hub calls this and then ends the
// sessions' access tokens and sockets as well.
import { and, eq, isNull } from "drizzle-orm";
import { refreshSessions } from "../platform/db/schema";
import type { Env } from "../platform/env";
import type { Database } from "../platform/db/database";
import { hubFor } from "../connectors/hub-client";

export interface SessionsToEnd {
  userId: string;
  /** One session (refresh family) of the user; without it, all of them. */
  sessionId?: string;
}

export async function revokeRefreshSessions(db: Database, tenantId: string, target: SessionsToEnd): Promise<void> {
  await db
    .update(refreshSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(refreshSessions.tenantId, tenantId),
        eq(refreshSessions.userId, target.userId),
        target.sessionId === undefined ? undefined : eq(refreshSessions.familyId, target.sessionId),
        isNull(refreshSessions.revokedAt),
      ),
    );
}

/** Signs the sessions out everywhere at once: refresh tokens, access tokens and open sockets. */
export async function endSessions(env: Env, tenantId: string, target: SessionsToEnd): Promise<void> {
  await hubFor(env, tenantId).endSessions(target);
}
