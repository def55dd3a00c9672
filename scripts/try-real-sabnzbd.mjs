// `npm run try:real-sabnzbd`: AutoArr paired with a REAL SABnzbd 4.5 (Debian's sabnzbdplus) that downloads from the
// test bed's own news server and indexer (test/realbed/). It hands SABnzbd a release with missing articles, as Sonarr
// would, fires the two-minute check three times and prints what AutoArr made of it; then it keeps running, so you can
// look at the web app, the API and SABnzbd's own web UI.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startIndexer } from "../test/realbed/indexer.mjs";
import { startNntpServer } from "../test/realbed/nntp-server.mjs";
import { buildRelease } from "../test/realbed/nzb.mjs";
import { sabnzbdBinary, startRealSabnzbd } from "../test/realbed/sabnzbd.mjs";
import { freePort } from "./lib/processes.mjs";
import { ROOT, startStack } from "./lib/stack.mjs";

if (!sabnzbdBinary()) {
  console.error("sabnzbdplus is not installed: run `sudo scripts/install-sabnzbd.sh` (Debian/Ubuntu), then try again.");
  process.exit(1);
}

const say = (text) => console.log(`\n▸ ${text}`);
const login = { username: "autoarr", password: randomBytes(8).toString("hex") };

say("Starting the test bed's news server and indexer, and a real SABnzbd that uses them");
const nntp = await startNntpServer(login);
const indexer = await startIndexer();
const sab = await startRealSabnzbd({ servers: [{ host: nntp.host, port: nntp.port, ...login }] });

say("Starting AutoArr (wrangler dev) with a connector paired to that SABnzbd");
const stack = await startStack({
  port: Number(process.env.PORT ?? 8787),
  connectorPort: await freePort(),
  persistDir: path.join(ROOT, ".wrangler/try-real-sabnzbd"),
  connector: { apps: { sabnzbd: { url: sab.url, apiKey: sab.apiKey } } },
});

const stopAll = async () => {
  await stack.stop();
  await sab.stop();
  await nntp.close();
  await indexer.close();
};
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stopAll();
    process.exit(0);
  });
}

const { accessToken } = await (
  await fetch(`${stack.url}/api/v1/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(stack.demo) })
).json();
const api = async (route) => (await fetch(`${stack.url}${route}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json();

// Thirty articles, half of them never posted: the news server answers 430 for those, and SABnzbd gives up on a job
// without repair files once more than five articles are bad.
const name = "Try.Real.Sabnzbd.S01E01.1080p";
const release = buildRelease({ name, files: [{ name: `${name}.mkv`, content: randomBytes(300_000) }], articleSize: 10_000 });
nntp.addArticles(release.articles.filter((_, index) => index % 2 === 0));
say(`Handing SABnzbd "${name}" (${release.articles.length} articles, half of them missing on the news server), as Sonarr would`);
const added = await sab.api({ mode: "addurl", name: indexer.serve(name, release.nzbXml), cat: "*" });
const nzoId = added.nzo_ids[0];
const failed = await sab.waitFor(
  async () => (await sab.api({ mode: "history", limit: 20 })).history.slots.find((slot) => slot.nzo_id === nzoId && slot.status === "Failed" && slot.retry),
  { timeoutMs: 120_000 },
);
console.log(`  SABnzbd says: ${failed.status} — "${failed.fail_message}"`);

// The hub also checks on its own every two minutes; "check now" makes the three checks happen at once.
for (let check = 1; check <= 3; check++) {
  const response = await fetch(`${stack.url}/api/v1/recovery/check`, { method: "POST", headers: { Authorization: `Bearer ${accessToken}` } });
  await response.text();
  console.log(`  check ${check} done (${response.status})`);
}

const recoveries = (await api("/api/v1/downloads/recoveries?limit=100")).items.filter((r) => r.downloadId === nzoId || r.title?.includes(name));
say(`AutoArr recorded ${recoveries.length} recovery for it over three checks:`);
for (const r of recoveries) console.log(`  ${r.strategy} → ${r.outcome}: ${r.failureReason}\n  ${r.why ?? ""}`);
const jobs = (await sab.api({ mode: "history", limit: 50 })).history.slots.filter((slot) => slot.name.includes(name));
console.log(
  `  SABnzbd still holds ${jobs.length} job for it (${jobs.map((j) => j.status).join(", ")}); the indexer was asked ${indexer.requests().length} time(s).`,
);

console.log(`
  AutoArr:   ${stack.url}   (sign in as ${stack.demo.email} / ${stack.demo.password}; see Activity and Recoveries)
  API:       curl -H "Authorization: Bearer <token>" ${stack.url}/api/v1/downloads/recoveries
  SABnzbd:   ${sab.url}   (API key ${sab.apiKey}; its data is in ${sab.dir})
  Run the check again:  curl -X POST -H "Authorization: Bearer ${accessToken}" ${stack.url}/api/v1/recovery/check

  Press Ctrl+C to stop everything.
`);
