// Builds AutoArr's download queue and history from SABnzbd, Sonarr and Radarr in one parallel batch.
// An item Sonarr/Radarr track is shown once, with their title and SABnzbd's progress.
import type { z } from "zod";
import { type CallOutcome, type ToolOutput, tools } from "@autoarr/contract";
import type { CallContext } from "../../durable-objects/tenant-hub/orchestrator";
import type { HubClient } from "../connectors/hub-client";
import { requireSomeAnswer } from "../connectors/hub-client";
import { type OutcomesOf, toolCall } from "../connectors/tool-call";
import type { HistoryItem, QueueItem } from "./downloads.schema";

type Queue = z.infer<typeof QueueItem>;
type History = z.infer<typeof HistoryItem>;
type Sources = Record<string, { status: "ok" | "unavailable"; error?: string }>;

// By ref, so every answer reaches the builders already checked against its tool's output schema.
const QUEUE_CALLS = [
  toolCall(tools.sabnzbd.queue, { limit: 200 }),
  toolCall(tools.sonarr.queue, { pageSize: 100 }),
  toolCall(tools.radarr.queue, { pageSize: 100 }),
] as const;

const HISTORY_CALLS = [
  toolCall(tools.sabnzbd.history, { limit: 50 }),
  toolCall(tools.sonarr.historyFailed, { pageSize: 50 }),
  toolCall(tools.radarr.historyFailed, { pageSize: 50 }),
] as const;

const MB = 1024 * 1024;

function sourcesOf(outcomes: readonly CallOutcome<unknown>[]): Sources {
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

/** The queue across the apps, from one batch; the apps that answered are shown when others could not. */
export async function readQueue(hub: HubClient, context: CallContext): Promise<{ items: Queue[]; sources: Sources }> {
  const outcomes = await hub.callMany(QUEUE_CALLS, context);
  requireSomeAnswer(outcomes);
  return buildQueue(outcomes);
}

/** The recent history across the apps, from one batch. */
export async function readHistory(hub: HubClient, context: CallContext): Promise<{ items: History[]; sources: Sources }> {
  const outcomes = await hub.callMany(HISTORY_CALLS, context);
  requireSomeAnswer(outcomes);
  return buildHistory(outcomes);
}

function buildQueue(outcomes: OutcomesOf<typeof QUEUE_CALLS>): { items: Queue[]; sources: Sources } {
  const [sabnzbd, ...arrs] = outcomes;
  const items: Queue[] = [];
  const sabSlots = new Map<string, ToolOutput<typeof tools.sabnzbd.queue>["slots"][number]>();
  if (sabnzbd.ok) for (const slot of sabnzbd.data.slots) sabSlots.set(slot.nzoId, slot);
  const claimed = new Set<string>();
  for (const o of arrs) {
    if (!o.ok || (o.app !== "sonarr" && o.app !== "radarr")) continue;
    for (const r of o.data.records) {
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

function buildHistory(outcomes: OutcomesOf<typeof HISTORY_CALLS>): { items: History[]; sources: Sources } {
  const [sabnzbd, ...arrs] = outcomes;
  const items: History[] = [];
  if (sabnzbd.ok) {
    for (const s of sabnzbd.data.slots) {
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
  }
  for (const o of arrs) {
    if (!o.ok || (o.app !== "sonarr" && o.app !== "radarr")) continue;
    for (const r of o.data.records) {
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
  items.sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
  return { items, sources: sourcesOf(outcomes) };
}
