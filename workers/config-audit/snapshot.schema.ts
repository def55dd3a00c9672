// A stack snapshot, the input of an audit: what the connector's tools answer about each audited app's configuration
// (the contract's output shapes, secrets masked by the connector), gathered under their names. The catalogue's rule
// paths read this shape: `sonarr.downloadClients[implementation=Sabnzbd].settings.tvCategory`.
import { type AnyToolRef, type ArrAppId, tools } from "@autoarr/contract";
import { z } from "zod";
import { APPS, type App } from "./rule.schema";

/** A tool's answer, as its contract ref declares it. */
const outputOf = <R extends AnyToolRef>(ref: R) => z.object(ref.output as R["output"]);

/** Sonarr's or Radarr's answers, as its snapshot tool gives them: system status, the four settings pages, providers, profiles, folders and health. */
const arrSnapshotSchema = (app: ArrAppId) => outputOf(tools[app].configSnapshot);

/**
 * The `config` sabnzbd_get_config answers for each section the catalogue reads. The contract leaves it open (it is
 * SABnzbd's own `mode=get_config` object): misc is a record, servers/categories/sorters lists of items.
 */
const sabnzbdConfigSchema = z.object({
  misc: z.record(z.string(), z.unknown()),
  servers: z.array(z.looseObject({ name: z.string() })),
  categories: z.array(z.looseObject({ name: z.string(), dir: z.string().optional() })),
  sorters: z.array(z.looseObject({})),
});

const sabnzbdSnapshot = outputOf(tools.sabnzbd.configSnapshot).shape;
const sabnzbdSnapshotSchema = z.object({
  version: sabnzbdSnapshot.version,
  config: sabnzbdConfigSchema,
  /** Absent when they could not be read, or the connector predates sabnzbd_warnings: the audit goes on without them. */
  warnings: sabnzbdSnapshot.warnings,
});

const plexSnapshotSchema = outputOf(tools.plex.configSnapshot);

/** Prowlarr's answers, as prowlarr_config_snapshot gives them: status, general settings, indexers and their status, applications, download clients, health. */
const prowlarrSnapshotSchema = outputOf(tools.prowlarr.configSnapshot);

/** Each audited app's part of the snapshot; a new audited app in the registry needs its entry here. */
export const appSnapshotSchemas = {
  sabnzbd: sabnzbdSnapshotSchema,
  sonarr: arrSnapshotSchema("sonarr"),
  radarr: arrSnapshotSchema("radarr"),
  plex: plexSnapshotSchema,
  prowlarr: prowlarrSnapshotSchema,
} satisfies Record<App, z.ZodType>;

export type AppSnapshot<A extends App> = z.output<(typeof appSnapshotSchemas)[A]>;

export const stackSnapshotSchema = z.object({
  ...(Object.fromEntries(APPS.map((app) => [app, appSnapshotSchemas[app].optional()])) as { [A in App]: z.ZodOptional<(typeof appSnapshotSchemas)[A]> }),
  /** Apps the audit tried to read but could not, with the reason shown to the user. */
  unavailable: z.partialRecord(z.enum(APPS as [App, ...App[]]), z.string()).optional(),
});

export type StackSnapshot = z.infer<typeof stackSnapshotSchema>;
