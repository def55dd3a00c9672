// Projections from Plex's JSON into the contract's output shapes; Plex mixes numbers and strings for ids, so parse leniently.
import type { ToolOutput, tools } from "@autoarr/contract";
import { compact, type Raw } from "../arr/arr.types.js";

type Library = ToolOutput<typeof tools.plex.libraries>["libraries"][number];
type MediaItem = ToolOutput<typeof tools.plex.search>["items"][number];

export const text = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
export const int = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};
export const flag = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : v === 1 || v === "1" ? true : v === 0 || v === "0" ? false : undefined);
export const asRecords = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter((x): x is Raw => x !== null && typeof x === "object") : []);

export const projectLibrary = (raw: Raw): Library =>
  compact({
    key: text(raw.key) ?? "",
    title: text(raw.title) ?? "",
    type: text(raw.type) ?? "",
    agent: text(raw.agent),
    scanner: text(raw.scanner),
    refreshing: flag(raw.refreshing),
    locations: asRecords(raw.Location)
      .map((l) => text(l.path) ?? "")
      .filter((p) => p !== ""),
    scannedAt: int(raw.scannedAt),
  });

export const projectMediaItem = (raw: Raw): MediaItem =>
  compact({
    ratingKey: text(raw.ratingKey) ?? "",
    type: text(raw.type) ?? "",
    title: text(raw.title) ?? "",
    showTitle: text(raw.grandparentTitle) ?? text(raw.parentTitle),
    year: int(raw.year),
    library: text(raw.librarySectionTitle),
    addedAt: int(raw.addedAt),
    guids: asRecords(raw.Guid)
      .map((g) => text(g.id) ?? "")
      .filter((g) => g !== ""),
  });
