// A stack snapshot: each app's configuration exactly as its API serves it (secrets masked), the input of an audit.
import { z } from "zod";
import { APPS } from "./rule.schema";

// Only the fields the catalogue relies on are named; everything else passes through untouched.
const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

/** Sonarr/Radarr provider settings come as `fields: [{name, value}]`. */
const providerField = loose({ name: z.string(), value: z.unknown().optional() });

const downloadClient = loose({
  name: z.string().optional(),
  implementation: z.string().optional(),
  enable: z.boolean().optional(),
  protocol: z.string().optional(),
  removeCompletedDownloads: z.boolean().optional(),
  removeFailedDownloads: z.boolean().optional(),
  fields: list(providerField),
});

const indexer = loose({
  name: z.string().optional(),
  implementation: z.string().optional(),
  enableRss: z.boolean().optional(),
  enableAutomaticSearch: z.boolean().optional(),
  enableInteractiveSearch: z.boolean().optional(),
  protocol: z.string().optional(),
  fields: list(providerField),
});

const arrSnapshot = loose({
  status: loose({ appName: z.string().optional(), version: z.string().optional() }).optional(),
  host: loose({
    authenticationMethod: z.string().optional(),
    authenticationRequired: z.string().optional(),
    certificateValidation: z.string().optional(),
    logLevel: z.string().optional(),
    backupInterval: z.number().optional(),
    backupRetention: z.number().optional(),
  }).optional(),
  mediamanagement: z.looseObject({}).optional(),
  naming: z.looseObject({}).optional(),
  downloadclientConfig: loose({
    enableCompletedDownloadHandling: z.boolean().optional(),
    autoRedownloadFailed: z.boolean().optional(),
  }).optional(),
  downloadClients: list(downloadClient),
  indexers: list(indexer),
  qualityProfiles: list(z.looseObject({})),
  rootFolders: list(loose({ path: z.string(), accessible: z.boolean().optional(), freeSpace: z.number().optional() })),
  health: list(loose({ source: z.string().optional(), type: z.string().optional(), message: z.string().optional() })),
});
export type ArrSnapshot = z.infer<typeof arrSnapshot>;

/** The object under "config" in SABnzbd's `mode=get_config`: sections are objects, servers/categories/sorters lists. */
const sabnzbdConfig = loose({
  misc: z.record(z.string(), z.unknown()).default({}),
  servers: list(loose({ name: z.string() })),
  categories: list(loose({ name: z.string(), dir: z.string().optional() })),
  sorters: list(z.looseObject({})),
});

/** SABnzbd's own warnings and errors (`mode=warnings`; 4.5.0 answers {"warnings":[{"type","text","time","origin"}]}). */
export const sabnzbdWarningSchema = loose({
  type: z.string().default("WARNING").describe("WARNING or ERROR"),
  text: z.string(),
  time: z.number().optional().describe("Unix seconds"),
  origin: z.string().optional().describe("Source file and line in SABnzbd, e.g. nzbstuff.py795"),
});
export type SabnzbdWarning = z.infer<typeof sabnzbdWarningSchema>;

const plexPrefValue = z.union([z.string(), z.number(), z.boolean()]);

export const stackSnapshotSchema = z.looseObject({
  sabnzbd: loose({ version: z.string(), config: sabnzbdConfig, warnings: z.array(sabnzbdWarningSchema).optional() }).optional(),
  sonarr: arrSnapshot.optional(),
  radarr: arrSnapshot.optional(),
  plex: loose({
    identity: loose({ machineIdentifier: z.string().optional(), version: z.string().optional() }).optional(),
    /** Flattened from `/:/prefs` MediaContainer.Setting[]: id → value. */
    prefs: z.record(z.string(), plexPrefValue).default({}),
    libraries: list(z.looseObject({})),
  }).optional(),
  /** Apps the audit tried to read but could not, with the reason shown to the user. */
  unavailable: z.partialRecord(z.enum(APPS), z.string()).optional(),
});

export type StackSnapshot = z.infer<typeof stackSnapshotSchema>;

/** Plex serves prefs as a list of Setting objects; rules read them by id. */
export function flattenPlexPrefs(settings: ReadonlyArray<{ id: string; value?: unknown }>): Record<string, string | number | boolean> {
  const prefs: Record<string, string | number | boolean> = {};
  for (const setting of settings) {
    const parsed = plexPrefValue.safeParse(setting.value);
    if (parsed.success) prefs[setting.id] = parsed.data;
  }
  return prefs;
}
