// Plex's "what changed" answer: each library section's updatedAt and scannedAt from GET /library/sections (the Plex
// spec's LibrarySection, /work/shared/specs/plex-api.md), one request.
import type { PlexFingerprint } from "@autoarr/contract";
import { ok, type Result } from "../../http/upstream.js";
import type { PlexApi } from "./plex.api.js";
import { asRecords, int, text } from "./plex.types.js";

export async function plexChanges(api: PlexApi): Promise<Result<PlexFingerprint>> {
  const sections = await api.container({ path: "library/sections" });
  if (!sections.ok) return sections;
  return ok({
    sections: asRecords(sections.value.Directory).map((s) => {
      const updatedAt = int(s.updatedAt);
      const scannedAt = int(s.scannedAt);
      return { key: text(s.key) ?? "", ...(updatedAt === undefined ? {} : { updatedAt }), ...(scannedAt === undefined ? {} : { scannedAt }) };
    }),
  });
}
