// Output shapes of the Plex tools; Plex mixes numbers and strings for ids, so parse leniently.
import { z } from "zod";
import { compact, type Raw } from "../arr/arr.types.js";

export const text = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
export const int = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};
export const flag = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : v === 1 || v === "1" ? true : v === 0 || v === "0" ? false : undefined);
export const asRecords = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter((x): x is Raw => x !== null && typeof x === "object") : []);

export const librarySchema = z.object({
  key: z.string().describe("Library section key (use with plex_library_refresh)"),
  title: z.string().describe("Library name"),
  type: z.string().describe("movie, show, artist or photo"),
  agent: z.string().optional().describe("Metadata agent"),
  scanner: z.string().optional().describe("Scanner"),
  refreshing: z.boolean().optional().describe("Whether a scan is running"),
  locations: z.array(z.string()).describe("Folders in the library"),
  scannedAt: z.number().optional().describe("Last scan (unix seconds)"),
});

export const projectLibrary = (raw: Raw) =>
  compact({
    key: text(raw.key) ?? "",
    title: text(raw.title) ?? "",
    type: text(raw.type) ?? "",
    agent: text(raw.agent),
    scanner: text(raw.scanner),
    refreshing: flag(raw.refreshing),
    locations: asRecords(raw.Location).map((l) => text(l.path) ?? "").filter((p) => p !== ""),
    scannedAt: int(raw.scannedAt),
  });

export const mediaItemSchema = z.object({
  ratingKey: z.string().describe("Plex item id"),
  type: z.string().describe("movie, show, season or episode"),
  title: z.string().describe("Title (for episodes: the episode title)"),
  showTitle: z.string().optional().describe("Series title for episodes and seasons"),
  year: z.number().optional().describe("Year"),
  library: z.string().optional().describe("Library section title"),
  addedAt: z.number().optional().describe("When it was added (unix seconds)"),
  guids: z.array(z.string()).describe("External ids such as tmdb://603 or tvdb://81189"),
});

export const projectMediaItem = (raw: Raw) =>
  compact({
    ratingKey: text(raw.ratingKey) ?? "",
    type: text(raw.type) ?? "",
    title: text(raw.title) ?? "",
    showTitle: text(raw.grandparentTitle) ?? text(raw.parentTitle),
    year: int(raw.year),
    library: text(raw.librarySectionTitle),
    addedAt: int(raw.addedAt),
    guids: asRecords(raw.Guid).map((g) => text(g.id) ?? "").filter((g) => g !== ""),
  });
