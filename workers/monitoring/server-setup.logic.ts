// Why nothing downloads: SABnzbd's news servers as its config reports them. A fresh SABnzbd 4.5.0 has none, and a job
// then sits in the queue as "Downloading" at 0 % forever instead of failing (trash-checklist.md, "Found on a real
// SABnzbd 4.5.0"; sabnzbd/api.py build_queue shows every unpaused job as Downloading).
import { z } from "zod";
import type { Detection } from "./detect.logic";
import { KNOWN_SABNZBD_FAILURES } from "./failure-reason.logic";

/** sabnzbd_get_config's answer for section "servers": a list of servers, or null when SABnzbd has none ({} in 4.5). */
const ServersConfig = z.looseObject({
  config: z.array(z.looseObject({ enable: z.union([z.boolean(), z.number(), z.string()]).optional() })).nullish(),
});

export interface SetupProblem {
  /** One alert per key: every job stuck on the same setup problem waits on the same fix. */
  key: string;
  message: string;
}

export const NO_NEWS_SERVER = "no_news_server";

/** The setup problem SABnzbd's server list shows, if any; undefined when the answer cannot be read. */
export function serverSetupProblem(answer: unknown): SetupProblem | undefined | null {
  const parsed = ServersConfig.safeParse(answer);
  if (!parsed.success) return undefined;
  const servers = parsed.data.config ?? [];
  // Switches read back as 0/1 after a start and false/true after a write (trash-checklist.md).
  const enabled = servers.filter((s) => s.enable === undefined || s.enable === true || s.enable === 1 || s.enable === "1");
  if (enabled.length > 0) return null;
  return {
    key: NO_NEWS_SERVER,
    message:
      servers.length === 0 ? "SABnzbd has no news server configured, so nothing can download" : "SABnzbd has no enabled news server, so nothing can download",
  };
}

/** sabnzbd_warnings' answer: SABnzbd's own warnings, oldest first (absent from connectors older than the tool). */
const Warnings = z.looseObject({ warnings: z.array(z.looseObject({ type: z.string(), text: z.string(), time: z.number().optional() })) });
const RECENT_WARNING_S = 86_400;

/** Distinct warnings quoted: a real 4.5.0 follows "Cannot connect to server …" with "Server … will be ignored for 10 minutes". */
const QUOTED_WARNINGS = 3;

/** SABnzbd's latest distinct warnings of the last day (oldest first), as a sentence for an alert; undefined when none. */
export function latestWarning(answer: unknown, nowMs: number): string | undefined {
  const parsed = Warnings.safeParse(answer);
  if (!parsed.success) return undefined;
  const recent = parsed.data.warnings.filter((w) => w.time === undefined || nowMs / 1000 - w.time <= RECENT_WARNING_S).map((w) => w.text.slice(0, 160));
  const distinct = recent.filter((text, index) => recent.lastIndexOf(text) === index).slice(-QUOTED_WARNINGS);
  return distinct.length > 0 ? `SABnzbd itself warns: ${distinct.map((text) => `"${text}"`).join("; ")}` : undefined;
}

/** Failures and stalls that a missing or disabled news server would explain. */
export function couldBeServerSetup(detection: Detection): boolean {
  return detection.app === "sabnzbd" && ["stalled", "transient", "unknown"].includes(detection.cause);
}

/** The key of a server_setup failure's problem: the real SABnzbd text it matched, so one alert covers every job. */
export function setupProblemKey(detection: Detection): string {
  if (detection.setupProblem) return detection.setupProblem;
  const known = KNOWN_SABNZBD_FAILURES.findIndex((k) => k.cause === "server_setup" && k.text.test(detection.reason));
  return known >= 0
    ? `sabnzbd_text_${known}`
    : detection.reason
        .toLowerCase()
        .replace(/[^a-z]+/g, " ")
        .trim()
        .slice(0, 80);
}
