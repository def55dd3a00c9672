// Gentle hunting's shapes: the per-app settings, their partial update, and what the routes answer.
import { z } from "@hono/zod-openapi";

export const HUNT_APPS = ["sonarr", "radarr"] as const;
export const HuntApp = z.enum(HUNT_APPS).openapi({ description: "The app whose wanted lists are hunted" });
export type HuntApp = z.infer<typeof HuntApp>;

export const HuntList = z.enum(["missing", "cutoff"]);
export type HuntList = z.infer<typeof HuntList>;

export const HuntingSettings = z
  .object({
    enabled: z.boolean().default(false),
    paused: z.boolean().default(false),
    dryRun: z.boolean().default(false).openapi({ description: "Record what would be searched without asking the app to search" }),
    perHour: z.number().int().min(1).max(50).default(5).openapi({ description: "Most items searched in any rolling hour" }),
    lists: z
      .array(HuntList)
      .min(1)
      .max(2)
      .refine((lists) => new Set(lists).size === lists.length, "Each list at most once")
      .default(["missing", "cutoff"])
      .openapi({ description: "Which wanted lists to hunt: missing, cutoff-unmet or both" }),
    skipSearchedWithinHours: z
      .number()
      .int()
      .min(1)
      .max(720)
      .default(24)
      .openapi({ description: "Items searched this recently (by AutoArr or by the app itself) wait" }),
  })
  .strict()
  .openapi("HuntingSettings");
export type HuntingSettings = z.infer<typeof HuntingSettings>;

export const DEFAULT_HUNTING_SETTINGS: HuntingSettings = HuntingSettings.parse({});

/** PUT /api/v1/hunting/{app}: any of the settings; the rest stay as they were. */
export const HuntingSettingsPatch = z
  .object({
    enabled: z.boolean(),
    paused: z.boolean(),
    dryRun: z.boolean(),
    perHour: HuntingSettings.shape.perHour.removeDefault(),
    lists: HuntingSettings.shape.lists.removeDefault(),
    skipSearchedWithinHours: HuntingSettings.shape.skipSearchedWithinHours.removeDefault(),
  })
  .partial()
  .strict()
  .openapi("HuntingSettingsPatch");
export type HuntingSettingsPatch = z.infer<typeof HuntingSettingsPatch>;

export const HuntAppParam = z.object({ app: HuntApp.openapi({ param: { name: "app", in: "path" } }) });

export const HuntRun = z
  .object({
    id: z.string(),
    app: HuntApp,
    at: z.string().openapi({ format: "date-time" }),
    status: z.enum(["searched", "dry-run", "nothing", "held", "failed"]).openapi({
      description:
        "searched: a search was started; dry-run: it would have been; nothing: nothing was due; held: the hourly or indexer limit left no room; failed: an app or the connector failed",
    }),
    dryRun: z.boolean(),
    wanted: z.number().int().openapi({ description: "Wanted items the run read" }),
    searched: z.number().int().openapi({ description: "Items searched (or, in dry run, that would have been)" }),
    message: z.string(),
    roundTrips: z.number().int().openapi({ description: "Calls to the connector the run made" }),
  })
  .openapi("HuntRun");

export const HuntingAppState = z
  .object({
    settings: HuntingSettings,
    nextRunAt: z.string().nullable().openapi({ format: "date-time", description: "When the next hunt is due; null while off or paused" }),
    searchedLastHour: z.number().int().openapi({ description: "Items searched in the last rolling hour" }),
  })
  .openapi("HuntingAppState");

export const HuntingOverview = z
  .object({
    apps: z.object({ sonarr: HuntingAppState, radarr: HuntingAppState }),
    recentRuns: z.array(HuntRun),
  })
  .openapi("HuntingOverview");

export const HuntLogEntry = z
  .object({
    id: z.string(),
    app: HuntApp,
    runId: z.string(),
    itemId: z.number().int(),
    list: HuntList,
    label: z.string(),
    dryRun: z.boolean(),
    searchedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("HuntLogEntry");

export const HuntLogQuery = z.object({
  app: HuntApp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const HuntLog = z.object({ items: z.array(HuntLogEntry) }).openapi("HuntLog");
