// stack_changes: one cheap "what changed" answer for every configured app, so a hub that finds nothing changed has
// spent one round trip. Each app's part is read in parallel; an app that fails says so in its own part.
import { type AppId, type StackChangesPart, tools } from "@autoarr/contract";
import { arrChanges } from "../apps/arr/arr.changes.js";
import { plexChanges } from "../apps/plex/plex.changes.js";
import { sabnzbdChanges } from "../apps/sabnzbd/sabnzbd.changes.js";
import type { Result } from "../http/upstream.js";
import type { AppClients } from "../mcp.js";
import { defineTool, READ_ONLY, type ToolSpec } from "./tool.js";

const asPart = <T>(result: Result<T>): StackChangesPart<T> =>
  result.ok ? { ok: true, fingerprint: result.value } : { ok: false, error: result.failure.message, kind: result.failure.kind };

/** Each app's fingerprint, read with its client; undefined when the app is not configured. */
const READERS: { [A in AppId]: (clients: AppClients) => Promise<Result<unknown>> | undefined } = {
  sabnzbd: ({ sabnzbd }) => sabnzbd && sabnzbdChanges(sabnzbd),
  sonarr: ({ sonarr }) => sonarr && arrChanges(sonarr),
  radarr: ({ radarr }) => radarr && arrChanges(radarr),
  plex: ({ plex }) => plex && plexChanges(plex),
  // Prowlarr has no downloads or library for a check to watch (config-audit only): no fingerprint.
  prowlarr: () => undefined,
};

async function partOf(app: AppId, clients: AppClients): Promise<StackChangesPart<unknown> | undefined> {
  const reading = READERS[app](clients);
  return reading && asPart(await reading);
}

export function stackChangesTool(clients: AppClients): ToolSpec {
  return defineTool(tools.stack.changes, {
    title: "What changed in the stack",
    annotations: READ_ONLY,
    description:
      "Answers cheaply, for every configured app at once, what changed: SABnzbd's queue totals and history counter, Sonarr's and Radarr's queue status and record count, Plex's library update and scan times. Compare with a previous answer and read in full only the apps whose part differs.",
    run: async ({ apps }) => {
      const asked = (Object.keys(READERS) as AppId[]).filter((app) => apps === undefined || apps.includes(app));
      const parts = await Promise.all(asked.map(async (app) => [app, await partOf(app, clients)] as const));
      const data = Object.fromEntries(parts.filter(([, part]) => part !== undefined));
      const failed = parts.filter(([, part]) => part?.ok === false).map(([app]) => app);
      return {
        ok: true,
        data,
        text: `Fingerprints of ${Object.keys(data).join(", ") || "no app"}${failed.length ? `; could not read ${failed.join(", ")}` : ""}`,
      };
    },
  });
}
