// Sessions signed out (logout, a replayed refresh token, a member removed) while access tokens issued for them may
// still be unexpired. Each entry is kept only as long as such a token could live, so the list stays short; the
// Worker consults it on the one hub call it already makes per signed-in request.
const SESSION_PREFIX = "ended-session:";
const USER_PREFIX = "ended-user:";
/** A refresh racing the sign-out may still mint one token just after it; that token must be covered too. */
const RACE_MARGIN_MS = 60_000;

/** The session an access token names, as the Worker passes it to the hub. */
export interface SessionRef {
  sessionId: string;
  userId: string;
  issuedAtMs: number;
}

interface UserEnd {
  /** Tokens of the user issued at or before this instant are refused. */
  endedAt: number;
  keepUntil: number;
}

export class EndedSessions {
  constructor(
    private readonly storage: SyncKvStorage,
    private readonly now: () => number,
    private readonly accessTtlMs: number,
  ) {}

  endSession(sessionId: string): void {
    this.prune();
    this.storage.put(SESSION_PREFIX + sessionId, this.keepUntil());
  }

  /** Every session of the user, as when they are removed from the tenant. */
  endUser(userId: string): void {
    this.prune();
    this.storage.put<UserEnd>(USER_PREFIX + userId, { endedAt: this.now(), keepUntil: this.keepUntil() });
  }

  isEnded(ref: SessionRef): boolean {
    const now = this.now();
    const sessionKeptUntil = this.storage.get<number>(SESSION_PREFIX + ref.sessionId);
    if (sessionKeptUntil !== undefined && sessionKeptUntil > now) return true;
    const user = this.storage.get<UserEnd>(USER_PREFIX + ref.userId);
    return user !== undefined && user.keepUntil > now && ref.issuedAtMs <= user.endedAt;
  }

  private keepUntil(): number {
    return this.now() + this.accessTtlMs + RACE_MARGIN_MS;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, until] of this.storage.list<number>({ prefix: SESSION_PREFIX })) if (until <= now) this.storage.delete(key);
    for (const [key, end] of this.storage.list<UserEnd>({ prefix: USER_PREFIX })) if (end.keepUntil <= now) this.storage.delete(key);
  }
}
