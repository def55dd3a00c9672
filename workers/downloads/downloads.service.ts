// Builds AutoArr's download queue and history from SABnzbd, Sonarr and Radarr in one parallel batch.
// An item Sonarr/Radarr track is shown once, with their title and SABnzbd's progress.
import type { z } from "zod";
import { type CallOutcome, parseToolOutput, type ToolOutput, tools } from "@autoarr/contract";
import type { HistoryItem, QueueItem } from "./downloads.schema";

type Queue = z.infer<typeof QueueItem>;
type History = z.infer<typeof HistoryItem>;
type Sources = Record<string, { status: "ok" | "unavailable"; error?: string }>;

export const QUEUE_CALLS = [
  { tool: tools.sabnzbd.queue.name, arguments: { limit: 200 } },
  { tool: tools.sonarr.queue.name, arguments: { pageSize: 100 } },
  { tool: tools.radarr.queue.name, arguments: { pageSize: 100 } },
];

export const HISTORY_CALLS = [
  { tool: tools.sabnzbd.history.name, arguments: { limit: 50 } },
  { tool: tools.sonarr.historyFailed.name, arguments: { pageSize: 50 } },
  { tool: tools.radarr.historyFailed.name, arguments: { pageSize: 50 } },
];

const MB = 1024 * 1024;

function sourcesOf(outcomes: CallOutcome[]): Sources {
  const sources: Sources = {};
  for (const o of outcomes) {
    if (!o.app || (!o.ok && o.error.kind === "unknown_tool")) continue; // the app is not configured on the connector
    sources[o.app] = o.ok ? { status: "ok" } : { status: "unavailable", error: o.error.message };
  }
  return sources;
}

function arrProblem(r: ToolOutput<typeof tools.sonarr.queue>["records"][number]): string | null {
  const messages = r.statusMessages.flatMap((m) => m.messages);
  if (r.errorMessage) return r.errorMessage;
  if (r.trackedDownloadStatus && r.trackedDownloadStatus !== "ok") return messages.join("; ") || r.trackedDownloadState || r.trackedDownloadStatus;
  if (r.trackedDownloadState === "failed" || r.trackedDownloadState === "failedPending" || r.trackedDownloadState === "importFailed") {
    return messages.join("; ") || "Download failed";
  }
  return null;
}

export function buildQueue(outcomes: CallOutcome[]): { items: Queue[]; sources: Sources } {
  const items: Queue[] = [];
  const sabSlots = new Map<string, ToolOutput<typeof tools.sabnzbd.queue>["slots"][number]>();
  for (const o of outcomes) {
    if (o.ok && o.app === "sabnzbd") {
      const parsed = parseToolOutput(tools.sabnzbd.queue, o.data);
      if (parsed.success) for (const slot of parsed.data.slots) sabSlots.set(slot.nzoId, slot);
    }
  }
  const claimed = new Set<string>();
  for (const o of outcomes) {
    if (!o.ok || (o.app !== "sonarr" && o.app !== "radarr")) continue;
    const parsed = parseToolOutput(tools[o.app].queue, o.data);
    if (!parsed.success) continue;
    for (const r of parsed.data.records) {
      const slot = r.downloadId ? sabSlots.get(r.downloadId) : undefined;
      if (r.downloadId) claimed.add(r.downloadId);
      const progress = slot?.percentage !== undefined ? slot.percentage / 100 : r.size > 0 ? 1 - r.sizeleft / r.size : 0;
      items.push({
        id: `${o.app}:${r.id}`,
        app: o.app,
        title: r.title,
        status: r.trackedDownloadState ?? r.status,
        progress: Math.min(1, Math.max(0, progress)),
        sizeBytes: r.size,
        sizeLeftBytes: r.sizeleft,
        timeLeft: slot?.timeleft ?? r.timeleft ?? null,
        downloadId: r.downloadId ?? null,
        category: slot?.category ?? null,
        problem: arrProblem(r),
      });
    }
  }
  for (const [nzoId, slot] of sabSlots) {
    if (claimed.has(nzoId)) continue;
    items.push({
      id: `sabnzbd:${nzoId}`,
      app: "sabnzbd",
      title: slot.name,
      status: slot.status,
      progress: Math.min(1, Math.max(0, (slot.percentage ?? 0) / 100)),
      sizeBytes: slot.sizeMb !== undefined ? Math.round(slot.sizeMb * MB) : null,
      sizeLeftBytes: slot.leftMb !== undefined ? Math.round(slot.leftMb * MB) : null,
      timeLeft: slot.timeleft ?? null,
      downloadId: nzoId,
      category: slot.category ?? null,
      problem: slot.labels.length > 0 ? slot.labels.join(", ") : null,
    });
  }
  return { items, sources: sourcesOf(outcomes) };
}

export function buildHistory(outcomes: CallOutcome[]): { items: History[]; sources: Sources } {
  const items: History[] = [];
  for (const o of outcomes) {
    if (!o.ok) continue;
    if (o.app === "sabnzbd") {
      const parsed = parseToolOutput(tools.sabnzbd.history, o.data);
      for (const s of parsed.success ? parsed.data.slots : []) {
        items.push({
          id: `sabnzbd:${s.nzoId}`,
          app: "sabnzbd",
          title: s.name,
          status: s.status === "Failed" ? "failed" : "completed",
          at: s.completed ? new Date(s.completed * 1000).toISOString() : null,
          downloadId: s.nzoId,
          reason: s.failMessage || null,
          retryable: s.retry,
        });
      }
    } else if (o.app === "sonarr" || o.app === "radarr") {
      const parsed = parseToolOutput(tools[o.app].historyFailed, o.data);
      for (const r of parsed.success ? parsed.data.records : []) {
        items.push({
          id: `${o.app}:${r.id}`,
          app: o.app,
          title: r.sourceTitle,
          status: r.eventType === "downloadFailed" ? "failed" : "completed",
          at: r.date || null,
          downloadId: r.downloadId ?? null,
          reason: r.message ?? null,
          retryable: null,
        });
      }
    }
  }
  items.sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
  return { items, sources: sourcesOf(outcomes) };
}
