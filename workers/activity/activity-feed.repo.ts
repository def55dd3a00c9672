// Reading the activity log: newest first, keyset-paginated, filtered by app and kind; always one tenant's.
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { activityLog } from "../platform/db/schema";
import { AppError } from "../platform/errors";
import type { Database } from "../platform/db/database";

interface Cursor {
  at: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replace(/=+$/, "");
}

export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(atob(text)) as Cursor;
    if (typeof value.at === "number" && typeof value.id === "string") return value;
  } catch {
    // fall through
  }
  throw new AppError("invalid_request", "The cursor is not valid; use nextCursor from the previous page");
}

export async function readActivity(db: Database, tenantId: string, query: { cursor?: string; limit: number; app?: string; kind?: string }) {
  const filters: (SQL | undefined)[] = [eq(activityLog.tenantId, tenantId)];
  if (query.app) filters.push(eq(activityLog.app, query.app));
  if (query.kind) filters.push(eq(activityLog.kind, query.kind));
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    filters.push(or(lt(activityLog.timestamp, new Date(at)), and(eq(activityLog.timestamp, new Date(at)), lt(activityLog.id, id))));
  }
  const rows = await db
    .select()
    .from(activityLog)
    .where(and(...filters))
    .orderBy(desc(activityLog.timestamp), desc(activityLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ id: r.id, at: r.timestamp.toISOString(), app: r.app, kind: r.kind, level: r.level, message: r.message, data: r.data })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.timestamp.getTime(), id: last.id }) : null,
  };
}
