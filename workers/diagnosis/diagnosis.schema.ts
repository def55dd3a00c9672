// The shapes of "Why didn't it arrive?": what to diagnose, the Diagnosis (the chain of steps from Plex back to the
// search, with the first broken link named) and the one-tap fixes it offers. The web codes against these.
import { APP_IDS } from "@autoarr/contract";
import { z } from "@hono/zod-openapi";

export const STEP_IDS = ["plex", "known", "monitored", "wanted", "searched", "releases", "indexers", "grabbed", "download", "import", "plex-refresh"] as const;
export type StepId = (typeof STEP_IDS)[number];

export const FIX_ACTIONS = [
  "search",
  "monitor",
  "blocklist-remove",
  "retry-download",
  "mark-failed",
  "change-quality-profile",
  "plex-refresh",
  "indexer-enable",
] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

export const STEP_STATUSES = ["ok", "broken", "warning", "waiting", "skipped", "unknown"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const VERDICT_STATUSES = ["broken", "arrived", "on-its-way", "unknown"] as const;

const id = z.number().int().min(1);

/** The apps a fix acts in: the registry's, and Prowlarr (its indexer fix) even before the registry lists it. */
export const FIX_APPS = [...new Set([...APP_IDS, "prowlarr"])] as [string, ...string[]];

/** Exactly one way of naming the item; releaseSearch besides any of them. */
export const DiagnoseBody = z
  .object({
    query: z.string().trim().min(1).max(200).optional().openapi({ description: "The item in plain words", example: "Severance S02E03" }),
    requestId: z.string().min(1).max(100).optional().openapi({ description: "A content request of this tenant" }),
    sonarrSeriesId: id.optional().openapi({ description: "Sonarr series id (with seasonNumber and episodeNumber for one episode)" }),
    seasonNumber: z.number().int().min(0).max(1000).optional().openapi({ description: "Season, with sonarrSeriesId" }),
    episodeNumber: z.number().int().min(1).max(10_000).optional().openapi({ description: "Episode within the season, with sonarrSeriesId" }),
    radarrMovieId: id.optional().openapi({ description: "Radarr movie id" }),
    releaseSearch: z.boolean().default(false).openapi({
      description: "Also ask the indexers now what they offer (Sonarr's/Radarr's release search queries every indexer; limited per tenant)",
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const given = [body.query, body.requestId, body.sonarrSeriesId, body.radarrMovieId].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: "custom", message: "give exactly one of query, requestId, sonarrSeriesId or radarrMovieId", path: [] });
    if (body.sonarrSeriesId === undefined && (body.seasonNumber !== undefined || body.episodeNumber !== undefined))
      ctx.addIssue({ code: "custom", message: "seasonNumber and episodeNumber go with sonarrSeriesId", path: ["seasonNumber"] });
    if (body.episodeNumber !== undefined && body.seasonNumber === undefined)
      ctx.addIssue({ code: "custom", message: "an episode needs its season", path: ["seasonNumber"] });
  })
  .openapi("DiagnoseRequest", { example: { query: "Severance S02E03", releaseSearch: false } });
export type DiagnoseBody = z.output<typeof DiagnoseBody>;

export const DiagnosisTarget = z
  .object({
    app: z.enum(["sonarr", "radarr"]),
    label: z.string().max(300).openapi({ description: "The item as people say it", example: "Severance S02E03" }),
    seriesId: id.optional(),
    seasonNumber: z.number().int().min(0).max(1000).optional(),
    episodeNumber: z.number().int().min(1).max(10_000).optional(),
    episodeId: id.optional(),
    movieId: id.optional(),
    tvdbId: id.optional(),
    tmdbId: id.optional(),
    title: z.string().max(200).optional(),
    year: z.number().int().min(1870).max(2200).optional(),
  })
  .openapi("DiagnosisTarget");
export type DiagnosisTarget = z.output<typeof DiagnosisTarget>;

export const DiagnosisStep = z
  .object({
    id: z.enum(STEP_IDS),
    title: z.string().openapi({ example: "Grabbed?" }),
    status: z.enum(STEP_STATUSES),
    saw: z.string().openapi({ description: "What AutoArr saw, in plain words" }),
    where: z.string().openapi({ description: "The app and resource it read", example: "Sonarr · episode 1234" }),
    evidence: z.array(z.string()).optional().openapi({ description: "The facts behind it, one a line" }),
  })
  .openapi("DiagnosisStep");
export type DiagnosisStep = z.output<typeof DiagnosisStep>;

export const DiagnosisFix = z
  .object({
    id: z.string(),
    action: z.enum(FIX_ACTIONS),
    label: z.string().openapi({ description: "Button text", example: "Search now" }),
    description: z.string(),
    app: z.enum(FIX_APPS),
    step: z.enum(STEP_IDS),
    params: z.record(z.string(), z.unknown()).openapi({ description: "Opaque: pass back to /diagnose/fixes unchanged" }),
  })
  .openapi("DiagnosisFix");
export type DiagnosisFix = z.output<typeof DiagnosisFix>;

export const Diagnosis = z
  .object({
    target: DiagnosisTarget,
    verdict: z.object({
      status: z.enum(VERDICT_STATUSES),
      step: z.enum(STEP_IDS).nullable(),
      summary: z.string(),
    }),
    steps: z.array(DiagnosisStep),
    fixes: z.array(DiagnosisFix),
    releaseSearch: z.enum(["not-run", "ran"]),
    diagnosedAt: z.string(),
  })
  .openapi("Diagnosis", {
    example: {
      target: { app: "sonarr", label: "Severance S02E03", seriesId: 12, seasonNumber: 2, episodeNumber: 3, episodeId: 1234, title: "Severance" },
      verdict: {
        status: "broken",
        step: "releases",
        summary: "Sonarr rejected all 14 releases: none matched quality profile 'HD-1080p' (all were 2160p)",
      },
      steps: [
        { id: "plex", title: "In Plex?", status: "warning", saw: "Plex does not have Severance S02E03", where: "Plex · TV Shows" },
        {
          id: "releases",
          title: "What the indexers returned",
          status: "broken",
          saw: "Sonarr rejected all 14 releases: none matched quality profile 'HD-1080p' (all were 2160p)",
          where: "Sonarr · release search",
          evidence: ["Severance.S02E03.2160p.WEB-DL: WEBDL-2160p is not wanted in profile"],
        },
      ],
      fixes: [
        {
          id: "change-quality-profile:sonarr:12",
          action: "change-quality-profile",
          label: "Use profile 'Ultra-HD'",
          description: "Move Severance to quality profile 'Ultra-HD', which allows 2160p, then search again",
          app: "sonarr",
          step: "releases",
          params: { mediaId: 12, fromProfileId: 4, toProfileId: 5 },
        },
      ],
      releaseSearch: "ran",
      diagnosedAt: "2026-12-02T04:30:00.000Z",
    },
  });
export type Diagnosis = z.output<typeof Diagnosis>;

export const FixBody = z
  .object({
    action: z.enum(FIX_ACTIONS),
    target: DiagnosisTarget,
    params: z.record(z.string(), z.unknown()).openapi({ description: "The fix's params, as the diagnosis gave them" }),
    dryRun: z.boolean().default(false).openapi({ description: "Say what would be done and change nothing" }),
  })
  .openapi("DiagnosisFixRequest", {
    example: {
      action: "search",
      target: { app: "sonarr", label: "Severance S02E03", seriesId: 12, seasonNumber: 2, episodeNumber: 3, episodeId: 1234 },
      params: { episodeIds: [1234] },
      dryRun: true,
    },
  });
export type FixBody = z.output<typeof FixBody>;

export const FixResult = z
  .object({
    action: z.enum(FIX_ACTIONS),
    dryRun: z.boolean(),
    applied: z.boolean(),
    message: z.string(),
    activityId: z.string().optional(),
    changeId: z.string().optional().openapi({ description: "A quality-profile change's recovery record (its rollback record)" }),
  })
  .openapi("DiagnosisFixResult", {
    example: { action: "search", dryRun: false, applied: true, message: "Sonarr is searching for Severance S02E03", activityId: "0b6c…" },
  });
export type FixResult = z.output<typeof FixResult>;
