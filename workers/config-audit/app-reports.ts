// What an app reports about itself, shown beside the rule findings: SABnzbd's own warnings and errors. Read-only
// findings (fix "none"): AutoArr passes on what SABnzbd says and changes nothing.
import type { Finding } from "./rule-engine";
import type { StackSnapshot } from "./snapshot.schema";

export const SABNZBD_WARNING_RULE = "sabnzbd.reported-warning";
const TITLE_LENGTH = 120;
const PREFIX = "SABnzbd reports: ";

function title(text: string): string {
  const line = text.split("\n")[0]!.trim();
  const room = TITLE_LENGTH - PREFIX.length;
  return PREFIX + (line.length > room ? `${line.slice(0, room - 1)}…` : line);
}

/** One informational finding per warning SABnzbd holds (it keeps the last few, newest last), newest first. */
export function sabnzbdReportedFindings(snapshot: StackSnapshot): Finding[] {
  const warnings = snapshot.sabnzbd?.warnings ?? [];
  return [...warnings].reverse().map((warning) => {
    const when = warning.time ? ` at ${new Date(warning.time * 1000).toISOString()}` : "";
    const error = warning.type.toUpperCase() === "ERROR";
    return {
      ruleId: SABNZBD_WARNING_RULE,
      app: "sabnzbd",
      title: title(warning.text),
      status: "fail",
      target: `${warning.time ?? 0}:${warning.origin ?? ""}:${warning.text.slice(0, 200)}`,
      setting: "sabnzbd.warnings",
      currentValue: warning.text,
      recommendedValue: null,
      priority: error ? "medium" : "low",
      category: "quality-of-life",
      why: `SABnzbd logged this ${error ? "error" : "warning"} itself${when}. AutoArr shows it as SABnzbd wrote it; it is cleared in SABnzbd under Status → Warnings, or when SABnzbd restarts.`,
      source: { name: "SABnzbd Wiki — API reference (warnings)", url: "https://sabnzbd.org/wiki/configuration/4.5/api" },
      fix: { kind: "none" },
    };
  });
}
