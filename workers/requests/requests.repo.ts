// D1 access for content requests. Every query is filtered by tenant_id.
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { contentRequests, users } from "../platform/db/schema";
import type { Database } from "../platform/db/database";
import type { ParsedRequest } from "./parse.schema";
import type { Candidate } from "./rank";

export const REQUEST_STATUSES = ["needs_choice", "added", "searching", "downloading", "imported", "available", "failed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What the flow did and what progress checks need: which app and item, and what was searched. */
export interface RequestOutcome {
  kind: "awaiting_choice" | "added" | "already_in_library" | "not_found" | "unclear" | "error";
  app?: "sonarr" | "radarr";
  libraryId?: number;
  externalId?: number;
  title?: string;
  year?: number | null;
  qualityProfileId?: number;
  rootFolderPath?: string;
  searchedEpisodes?: number;
  /** Files the item had when the request was made; more than this means something was imported for it. */
  baselineFiles?: number;
  searched?: { app: "sonarr" | "radarr"; term: string; results: number; error?: string }[];
  /** Why the Claude parse was not used, when it was not. */
  parseFallback?: string;
  checkedAt?: string;
}

export interface ContentRequest {
  id: string;
  tenantId: string;
  userId: string | null;
  userEmail: string | null;
  query: string;
  parse: ParsedRequest | null;
  status: RequestStatus;
  options: Candidate[] | null;
  choice: Candidate | null;
  outcome: RequestOutcome | null;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = typeof contentRequests.$inferSelect;

function fromRow(row: Row, userEmail: string | null): ContentRequest {
  return {
    ...row,
    userEmail,
    parse: (row.parse as ParsedRequest | null) ?? null,
    status: row.status as RequestStatus,
    options: (row.options as Candidate[] | null) ?? null,
    choice: (row.choice as Candidate | null) ?? null,
    outcome: (row.outcome as RequestOutcome | null) ?? null,
  };
}

const selection = { request: contentRequests, email: users.email };

export async function insertRequest(db: Database, request: Omit<ContentRequest, "userEmail">): Promise<void> {
  await db.insert(contentRequests).values(request);
}

export async function findRequest(db: Database, tenantId: string, id: string): Promise<ContentRequest | undefined> {
  const [row] = await db
    .select(selection)
    .from(contentRequests)
    .leftJoin(users, eq(users.id, contentRequests.userId))
    .where(and(eq(contentRequests.tenantId, tenantId), eq(contentRequests.id, id)))
    .limit(1);
  return row ? fromRow(row.request, row.email) : undefined;
}

export type RequestChanges = Partial<Pick<ContentRequest, "status" | "options" | "choice" | "outcome" | "reason" | "parse" | "updatedAt">>;

export async function updateRequest(db: Database, tenantId: string, id: string, changes: RequestChanges): Promise<void> {
  await db
    .update(contentRequests)
    .set(changes)
    .where(and(eq(contentRequests.tenantId, tenantId), eq(contentRequests.id, id)));
}

/** Newest first. The cursor is the last item's creation time and id, so pages stay stable while requests arrive. */
export async function listRequests(db: Database, tenantId: string, page: { status?: RequestStatus; cursor?: string; limit: number }) {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (page.cursor && !after) return undefined;
  const rows = await db
    .select(selection)
    .from(contentRequests)
    .leftJoin(users, eq(users.id, contentRequests.userId))
    .where(
      and(
        eq(contentRequests.tenantId, tenantId),
        page.status ? eq(contentRequests.status, page.status) : undefined,
        after
          ? or(lt(contentRequests.createdAt, after.createdAt), and(eq(contentRequests.createdAt, after.createdAt), lt(contentRequests.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(contentRequests.createdAt), desc(contentRequests.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map((r) => fromRow(r.request, r.email));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
}

/** Requests whose download can still move: everything added and not yet available (failed downloads can be retried). */
export async function listTrackedRequests(db: Database, tenantId: string, limit = 50): Promise<ContentRequest[]> {
  const rows = await db
    .select(selection)
    .from(contentRequests)
    .leftJoin(users, eq(users.id, contentRequests.userId))
    .where(and(eq(contentRequests.tenantId, tenantId), inArray(contentRequests.status, ["added", "searching", "downloading", "imported", "failed"])))
    .orderBy(desc(contentRequests.createdAt))
    .limit(limit);
  return rows.map((r) => fromRow(r.request, r.email)).filter(isTracked);
}

export function isTracked(request: ContentRequest): boolean {
  const kind = request.outcome?.kind;
  if (request.status === "available" || request.status === "needs_choice") return false;
  return (kind === "added" || kind === "already_in_library") && request.outcome?.libraryId !== undefined;
}

function encodeCursor(request: ContentRequest): string {
  return btoa(`${request.createdAt.getTime()}:${request.id}`).replace(/=+$/, "");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  try {
    const [ms, id] = atob(cursor).split(":");
    const createdAt = new Date(Number(ms));
    return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
  } catch {
    return undefined;
  }
}
