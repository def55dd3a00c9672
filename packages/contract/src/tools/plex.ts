// Plex's tools: identity, libraries, refresh, recently added, search, server preferences, and the configuration snapshot.
import { z } from "zod";
import { toolRef } from "../tool-ref.js";

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

export const plexSettingSchema = z.object({
  id: z.string().describe("Setting id"),
  value: z.unknown().describe("Current value"),
  default: z.unknown().optional().describe("Default value"),
  label: z.string().optional().describe("Label shown in Plex"),
  group: z.string().optional().describe("Settings group"),
});

const single = {
  identity: toolRef({
    app: "plex",
    name: "plex_identity",
    input: {},
    output: {
      machineIdentifier: z.string().describe("Server's machine id"),
      version: z.string().describe("Plex Media Server version"),
      claimed: z.boolean().optional().describe("Whether the server is claimed by a Plex account"),
      libraryCount: z.number().describe("Number of libraries (proves the token works)"),
    },
  }),
  libraries: toolRef({ app: "plex", name: "plex_libraries", input: {}, output: { libraries: z.array(librarySchema).describe("Library sections") } }),
  libraryRefresh: toolRef({
    app: "plex",
    name: "plex_library_refresh",
    input: {
      sectionKey: z
        .string()
        .regex(/^\d{1,6}$/)
        .describe("Library section key from plex_libraries"),
      force: z.boolean().default(false).describe("Refresh metadata of every item, not just new files"),
    },
    output: { started: z.boolean().describe("True when Plex accepted the scan"), sectionKey: z.string().describe("Library section key") },
  }),
  recentlyAdded: toolRef({
    app: "plex",
    name: "plex_recently_added",
    input: { limit: z.number().int().min(1).max(100).default(20).describe("Maximum items to return") },
    output: { items: z.array(mediaItemSchema).describe("Items, newest first") },
  }),
  search: toolRef({
    app: "plex",
    name: "plex_search",
    input: {
      query: z.string().min(1).max(200).describe("Text to search for"),
      limit: z.number().int().min(1).max(50).default(10).describe("Maximum results per type"),
    },
    output: { items: z.array(mediaItemSchema).describe("Matching items") },
  }),
  preferences: toolRef({
    app: "plex",
    name: "plex_preferences",
    input: { idContains: z.string().max(100).optional().describe("Only settings whose id contains this text (case-insensitive)") },
    output: { settings: z.array(plexSettingSchema).describe("Settings") },
  }),
} as const;

/** Everything the configuration audit reads of Plex in one call, composed from the single tools' outputs. */
const configSnapshot = toolRef({
  app: "plex",
  name: "plex_config_snapshot",
  input: {},
  output: {
    identity: z.object(single.identity.output).describe("What plex_identity answers"),
    preferences: single.preferences.output.settings.describe("Every server setting, as plex_preferences lists them (secrets masked)"),
    libraries: single.libraries.output.libraries.describe("Library sections, as plex_libraries lists them"),
  },
});

export const plex = { ...single, configSnapshot } as const;
