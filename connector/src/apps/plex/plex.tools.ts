// Plex tools: identity, libraries, refresh, recently added, search, server preferences, and the configuration snapshot.
import { tools } from "@autoarr/contract";
import { defineTool, outcome, READ_ONLY, type ToolImplementation, WRITE_IDEMPOTENT, type ToolSpec } from "../../tools/tool.js";
import { readParts } from "../snapshot-parts.js";
import { MASK } from "../../redact.js";
import type { PlexApi } from "./plex.api.js";
import { asRecords, flag, projectLibrary, projectMediaItem, text } from "./plex.types.js";

/** The single tools that read configuration: offered as themselves, and run together by the configuration snapshot. */
function plexConfigReads(api: PlexApi) {
  const identity: ToolImplementation<typeof tools.plex.identity> = {
    title: "Plex server identity",
    annotations: READ_ONLY,
    description: "Reads the Plex server's version and machine id and checks that the token works by listing libraries. Use it to check Plex is reachable.",
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
  };
  const libraries: ToolImplementation<typeof tools.plex.libraries> = {
    title: "Plex libraries",
    annotations: READ_ONLY,
    description: "Lists the Plex server's libraries (sections) with their type, folders and whether a scan is running.",
    run: async () =>
      outcome(await api.container({ path: "library/sections" }), (raw) => {
        const libraries = asRecords(raw.Directory).map(projectLibrary);
        return { data: { libraries }, text: `${libraries.length} Plex libraries: ${libraries.map((l) => `${l.title} (${l.key})`).join(", ")}` };
      }),
  };
  const preferences: ToolImplementation<typeof tools.plex.preferences> = {
    title: "Plex server settings",
    annotations: READ_ONLY,
    description:
      "Reads the Plex server's settings (e.g. FSEventLibraryUpdatesEnabled, FSEventLibraryPartialScanEnabled, ScheduledLibraryUpdatesEnabled). Optionally only settings whose id contains a text.",
    run: async ({ idContains }) =>
      outcome(await api.container({ path: ":/prefs" }), (raw) => {
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
  };
  return { identity, libraries, preferences };
}

export function plexTools(api: PlexApi): ToolSpec[] {
  const reads = plexConfigReads(api);
  return [
    defineTool(tools.plex.identity, reads.identity),
    defineTool(tools.plex.libraries, reads.libraries),
    defineTool(tools.plex.libraryRefresh, {
      title: "Scan a Plex library",
      annotations: WRITE_IDEMPOTENT,
      description: "Starts a scan of one Plex library so newly imported files appear. Use force to re-read metadata of all items (slow).",
      run: async ({ sectionKey, force }) =>
        outcome(await api.container({ path: `library/sections/${sectionKey}/refresh`, query: force ? { force: 1 } : {} }), () => ({
          data: { started: true, sectionKey },
          text: `Plex started scanning library ${sectionKey}`,
        })),
    }),
    defineTool(tools.plex.recentlyAdded, {
      title: "Recently added in Plex",
      annotations: READ_ONLY,
      description: "Lists the items most recently added to the Plex server across libraries. Use it to confirm that an import reached Plex.",
      run: async ({ limit }) =>
        outcome(await api.container({ path: "library/recentlyAdded", query: { "X-Plex-Container-Start": 0, "X-Plex-Container-Size": limit } }), (raw) => {
          const items = asRecords(raw.Metadata).slice(0, limit).map(projectMediaItem);
          return { data: { items }, text: `${items.length} recently added Plex item(s)` };
        }),
    }),
    defineTool(tools.plex.search, {
      title: "Search the Plex library",
      annotations: READ_ONLY,
      description: "Searches the Plex server's libraries for movies, shows and episodes by title.",
      run: async ({ query, limit }) =>
        outcome(await api.container({ path: "hubs/search", query: { query, limit } }), (raw) => {
          const items = asRecords(raw.Hub)
            .flatMap((hub) => asRecords(hub.Metadata))
            .map(projectMediaItem);
          return { data: { items }, text: `${items.length} Plex item(s) match "${query}"` };
        }),
    }),
    defineTool(tools.plex.preferences, reads.preferences),
    configSnapshotTool(reads),
  ];
}

function configSnapshotTool(reads: ReturnType<typeof plexConfigReads>): ToolSpec {
  return defineTool(tools.plex.configSnapshot, {
    title: "Plex configuration snapshot",
    annotations: READ_ONLY,
    description:
      "Reads everything a configuration review of Plex needs in one call: what plex_identity, plex_preferences (every setting) and plex_libraries answer. Secrets are masked.",
    run: async () => {
      const parts = await readParts({ identity: reads.identity.run({}), preferences: reads.preferences.run({}), libraries: reads.libraries.run({}) });
      return outcome(parts, (p) => ({
        data: { identity: p.identity, preferences: p.preferences.settings, libraries: p.libraries.libraries },
        text: `Plex Media Server ${p.identity.version}: ${p.preferences.settings.length} setting(s), ${p.libraries.libraries.length} librar${p.libraries.libraries.length === 1 ? "y" : "ies"}`,
      }));
    },
  });
}
