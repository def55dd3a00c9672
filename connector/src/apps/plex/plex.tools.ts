// Plex tools: identity, libraries, refresh, recently added, search and server preferences.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { defineTool, outcome, READ_ONLY, registerToolSpecs, WRITE_IDEMPOTENT, type RegisterOptions, type ToolSpec } from "../../tools/tool.js";
import { MASK } from "../../redact.js";
import type { PlexApi } from "./plex.api.js";
import { asRecords, flag, int, librarySchema, mediaItemSchema, projectLibrary, projectMediaItem, text } from "./plex.types.js";

export function plexTools(api: PlexApi): ToolSpec[] {
  return [
    defineTool({
      app: "plex", name: "plex_identity", title: "Plex server identity", annotations: READ_ONLY,
      description: "Reads the Plex server's version and machine id and checks that the token works by listing libraries. Use it to check Plex is reachable.",
      input: {},
      output: {
        machineIdentifier: z.string().describe("Server's machine id"),
        version: z.string().describe("Plex Media Server version"),
        claimed: z.boolean().optional().describe("Whether the server is claimed by a Plex account"),
        libraryCount: z.number().describe("Number of libraries (proves the token works)"),
      },
      run: async () => {
        const identity = await api.container({ path: "identity" });
        if (!identity.ok) return identity;
        return outcome(await api.container({ path: "library/sections" }), (sections) => {
          const data = {
            machineIdentifier: text(identity.value.machineIdentifier) ?? "",
            version: text(identity.value.version) ?? "",
            ...(flag(identity.value.claimed) !== undefined ? { claimed: flag(identity.value.claimed) } : {}),
            libraryCount: asRecords(sections.Directory).length,
          };
          return { data, text: `Plex Media Server ${data.version} is up with ${data.libraryCount} libraries` };
        });
      },
    }),
    defineTool({
      app: "plex", name: "plex_libraries", title: "Plex libraries", annotations: READ_ONLY,
      description: "Lists the Plex server's libraries (sections) with their type, folders and whether a scan is running.",
      input: {},
      output: { libraries: z.array(librarySchema).describe("Library sections") },
      run: async () => outcome(await api.container({ path: "library/sections" }), (raw) => {
        const libraries = asRecords(raw.Directory).map(projectLibrary);
        return { data: { libraries }, text: `${libraries.length} Plex libraries: ${libraries.map((l) => `${l.title} (${l.key})`).join(", ")}` };
      }),
    }),
    defineTool({
      app: "plex", name: "plex_library_refresh", title: "Scan a Plex library", annotations: WRITE_IDEMPOTENT,
      description: "Starts a scan of one Plex library so newly imported files appear. Use force to re-read metadata of all items (slow).",
      input: {
        sectionKey: z.string().regex(/^\d{1,6}$/).describe("Library section key from plex_libraries"),
        force: z.boolean().default(false).describe("Refresh metadata of every item, not just new files"),
      },
      output: { started: z.boolean().describe("True when Plex accepted the scan"), sectionKey: z.string().describe("Library section key") },
      run: async ({ sectionKey, force }) =>
        outcome(await api.container({ path: `library/sections/${sectionKey}/refresh`, query: force ? { force: 1 } : {} }), () => ({
          data: { started: true, sectionKey },
          text: `Plex started scanning library ${sectionKey}`,
        })),
    }),
    defineTool({
      app: "plex", name: "plex_recently_added", title: "Recently added in Plex", annotations: READ_ONLY,
      description: "Lists the items most recently added to the Plex server across libraries. Use it to confirm that an import reached Plex.",
      input: { limit: z.number().int().min(1).max(100).default(20).describe("Maximum items to return") },
      output: { items: z.array(mediaItemSchema).describe("Items, newest first") },
      run: async ({ limit }) =>
        outcome(await api.container({ path: "library/recentlyAdded", query: { "X-Plex-Container-Start": 0, "X-Plex-Container-Size": limit } }), (raw) => {
          const items = asRecords(raw.Metadata).slice(0, limit).map(projectMediaItem);
          return { data: { items }, text: `${items.length} recently added Plex item(s)` };
        }),
    }),
    defineTool({
      app: "plex", name: "plex_search", title: "Search the Plex library", annotations: READ_ONLY,
      description: "Searches the Plex server's libraries for movies, shows and episodes by title.",
      input: {
        query: z.string().min(1).max(200).describe("Text to search for"),
        limit: z.number().int().min(1).max(50).default(10).describe("Maximum results per type"),
      },
      output: { items: z.array(mediaItemSchema).describe("Matching items") },
      run: async ({ query, limit }) => outcome(await api.container({ path: "hubs/search", query: { query, limit } }), (raw) => {
        const items = asRecords(raw.Hub).flatMap((hub) => asRecords(hub.Metadata)).map(projectMediaItem);
        return { data: { items }, text: `${items.length} Plex item(s) match "${query}"` };
      }),
    }),
    defineTool({
      app: "plex", name: "plex_preferences", title: "Plex server settings", annotations: READ_ONLY,
      description: "Reads the Plex server's settings (e.g. FSEventLibraryUpdatesEnabled, FSEventLibraryPartialScanEnabled, ScheduledLibraryUpdatesEnabled). Optionally only settings whose id contains a text.",
      input: { idContains: z.string().max(100).optional().describe("Only settings whose id contains this text (case-insensitive)") },
      output: {
        settings: z.array(z.object({
          id: z.string().describe("Setting id"),
          value: z.unknown().describe("Current value"),
          default: z.unknown().optional().describe("Default value"),
          label: z.string().optional().describe("Label shown in Plex"),
          group: z.string().optional().describe("Settings group"),
        })).describe("Settings"),
      },
      run: async ({ idContains }) => outcome(await api.container({ path: ":/prefs" }), (raw) => {
        const needle = idContains?.toLowerCase();
        const settings = asRecords(raw.Setting)
          .map((s) => {
            const id = text(s.id) ?? "";
            const secret = /token|password|secret/i.test(id);
            const label = text(s.label);
            const group = text(s.group);
            return {
              id,
              value: secret && s.value !== "" ? MASK : s.value,
              ...(s.default !== undefined ? { default: secret ? MASK : s.default } : {}),
              ...(label ? { label } : {}),
              ...(group ? { group } : {}),
            };
          })
          .filter((s) => !needle || s.id.toLowerCase().includes(needle));
        return { data: { settings }, text: `${settings.length} Plex setting(s)` };
      }),
    }),
  ];
}

export function registerPlexTools(server: McpServer, api: PlexApi, options: RegisterOptions): void {
  registerToolSpecs(server, plexTools(api), options);
}

