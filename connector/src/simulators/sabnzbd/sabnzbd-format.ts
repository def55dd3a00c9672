// SABnzbd's value conventions: sizes and speeds as strings, H:MM:SS time left, priority names.
import { createHash } from "node:crypto";
import type { Download } from "../world.js";

/** The md5 SABnzbd keeps of a job's NZB (its duplicate check); the simulator has no NZB, so it hashes the name. */
export const nzbMd5 = (name: string) => createHash("md5").update(name).digest("hex");

export const mbString = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

export function humanSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function sabTimeleft(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, "0");
  const s = String(total % 60).padStart(2, "0");
  return days > 0 ? `${days}:${String(h).padStart(2, "0")}:${m}:${s}` : `${h}:${m}:${s}`;
}

export function queueSlot(download: Download, index: number, paused: boolean) {
  const done = download.sizeBytes - download.leftBytes;
  const moving = download.state === "downloading" && !paused;
  const status = download.state === "paused" ? "Paused" : download.state === "queued" ? "Queued" : paused ? "Paused" : "Downloading";
  // The keys of a real 4.5.0 queue slot (test/recorded/sabnzbd-4.5/queue.json): no time_added.
  return {
    index,
    nzo_id: download.nzoId,
    unpackopts: "3",
    // Pausing a job changes its status, not its priority; "Paused" is no priority name a real 4.5.0 answers (api.py INTERFACE_PRIORITIES).
    priority: "Normal",
    script: "None",
    filename: download.title,
    labels: [] as string[],
    password: "",
    cat: download.category,
    mbleft: mbString(download.leftBytes),
    mb: mbString(download.sizeBytes),
    size: humanSize(download.sizeBytes),
    sizeleft: humanSize(download.leftBytes),
    percentage: String(Math.floor((done / download.sizeBytes) * 100)),
    mbmissing: "0.0",
    direct_unpack: null,
    status,
    // A stalled job has no measurable speed, so SABnzbd cannot estimate its time left.
    timeleft: moving ? sabTimeleft(download.leftBytes / download.bytesPerSecond) : "0:00:00",
    avg_age: "12d",
  };
}

/**
 * A job completed with missing articles and no PAR2, as a real 4.5 logs it (captured through test/realbed, see
 * connector/test/sabnzbd-stage-log.test.ts): nzbstuff.py set_download_report appends T("%s articles were missing") to the
 * Download stage's <br/>-joined lines; postproc.py runs the RAR renamer and, with no PAR2 set, logs
 * T("[%s] No par2 sets") under Repair; with nothing to unpack there is no Unpack stage, and no fail_message.
 */
function stageLog(download: Download, failed: boolean) {
  const source = { name: "Source", actions: [`${download.title}.nzb`] };
  if (failed) return [source, { name: "Download", actions: [download.failMessage ?? ""] }];
  const downloaded = "Downloaded in 1 min 4 seconds at an average of 24.8 MB/s<br/>Age: 12d";
  if (download.missingArticles) {
    return [
      source,
      { name: "Download", actions: [`${downloaded}<br/>${download.missingArticles} articles were missing`] },
      // nzbstuff.py set_download_report: "<server>=<bytes>B" per server that served articles.
      { name: "Servers", actions: [`news.example.com=${humanSize(download.sizeBytes)}`] },
      { name: "Repair", actions: ["Trying RAR renamer", `[${download.title}] No par2 sets`] },
    ];
  }
  return [source, { name: "Download", actions: [downloaded] }, { name: "Unpack", actions: ["[" + download.title + "] Unpacked 1 files/folders in 6 seconds"] }];
}

export function historySlot(download: Download, completeDir: string, incompleteDir: string) {
  const failed = download.state === "failed";
  const storage = failed ? `${incompleteDir}/${download.title}` : `${completeDir}/${download.category}/${download.title}`;
  const completed = Math.floor((download.completedAt ?? Date.now()) / 1000);
  const downloaded = download.sizeBytes - download.leftBytes;
  return {
    completed,
    name: download.title,
    nzb_name: `${download.title}.nzb`,
    category: download.category,
    pp: "D",
    script: "None",
    report: "",
    url: `${download.title}.nzb`,
    status: failed ? "Failed" : "Completed",
    nzo_id: download.nzoId,
    storage,
    path: `${incompleteDir}/${download.title}`,
    script_line: "",
    download_time: Math.max(1, Math.round(downloaded / download.bytesPerSecond)),
    postproc_time: failed ? 0 : 38,
    stage_log: stageLog(download, failed),
    downloaded,
    completeness: null,
    fail_message: failed ? (download.failMessage ?? "") : "",
    url_info: "",
    bytes: download.sizeBytes,
    meta: null,
    // As a real 4.5.0 stores a job (sabnzbd/database.py build_history_info, test/recorded/sabnzbd-4.5/history-download-failed.json):
    // `series` is never written any more (null), `password` is the password found (null when none), `md5sum` the NZB's hash.
    series: null,
    duplicate_key: download.title.split(".").slice(0, 2).join("/"),
    md5sum: nzbMd5(download.title),
    password: null,
    action_line: "",
    size: humanSize(download.sizeBytes),
    loaded: false,
    retry: failed,
    archive: false,
  };
}
