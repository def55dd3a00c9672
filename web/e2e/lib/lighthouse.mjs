// Lighthouse 12 against a page of the running browser, through its DevTools port: the same profile, so the refresh
// cookie signs the page in (`disableStorageReset` keeps Lighthouse from clearing it; `forgetCachedApp` empties the
// caches instead, for a first visit's numbers). Mobile form factor and simulated throttling, Lighthouse's defaults.
// The HTML report goes next to the screenshots.
import { writeFileSync } from "node:fs";
import lighthouse from "lighthouse";

/** Empties the browser's HTTP cache and the origin's service worker and its caches; keeps cookies and local storage. */
export async function forgetCachedApp(page, origin) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send("Network.clearBrowserCache");
    await session.send("Storage.clearDataForOrigin", { origin: new URL(origin).origin, storageTypes: "cache_storage,service_workers" });
  } finally {
    await session.detach();
  }
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/**
 * @returns {Promise<{ scores: Record<string, number>, transferredKiB: number, blamed: string[], refused: string[], line: string }>}
 *   scores 0–100 per category; `blamed` the metrics that lost points and the audits that would save on them;
 *   `refused` the page's requests that got an error status (then the score is not Home's).
 */
export async function runLighthouse({ url, port, reportPath }) {
  const result = await lighthouse(url, { port, disableStorageReset: true, logLevel: "error", output: "html", onlyCategories: CATEGORIES });
  if (!result) throw new Error("Lighthouse returned no result");
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (reportPath) writeFileSync(reportPath, result.report);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
  const transferredKiB = (lhr.audits["total-byte-weight"]?.numericValue ?? 0) / 1024;
  // What cost points: the weighted metrics below full marks, then the audits Lighthouse says would save time on them.
  const refs = lhr.categories.performance.auditRefs.map((ref) => ({ ref, audit: lhr.audits[ref.id] })).filter(({ audit }) => audit);
  const describe = ({ audit }) => {
    const urls = (audit.details?.items ?? [])
      .map((item) => item.url ?? item.node?.snippet)
      .filter(Boolean)
      .slice(0, 3)
      .map((url) => url.replace(/^https?:\/\/[^/]+/, ""));
    return `${audit.id}: ${[audit.displayValue, urls.length > 0 ? `[${urls.join(", ")}]` : ""].filter(Boolean).join(" ")} (score ${Math.round((audit.score ?? 0) * 100)})`;
  };
  const metrics = refs.filter(({ ref, audit }) => ref.weight > 0 && audit.score !== null && audit.score < 1);
  const savings = refs.filter(
    ({ ref, audit }) => ref.weight === 0 && audit.score !== null && audit.score < 0.9 && Object.values(audit.metricSavings ?? {}).some((saved) => saved > 0),
  );
  const blamed = [...metrics.sort((a, b) => b.ref.weight - a.ref.weight), ...savings].map(describe);
  // A score of a Home that was refused its data (a 429 from the API's budget, a 401) measures another page.
  const refused = (lhr.audits["network-requests"]?.details?.items ?? [])
    .filter((request) => request.statusCode >= 400)
    .map((request) => `${request.statusCode} ${request.url.replace(/^https?:\/\/[^/]+/, "")}`);
  const path = new URL(lhr.finalDisplayedUrl ?? url).pathname;
  const line = `lighthouse ${path}: ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(", ")}; ${transferredKiB.toFixed(0)} KiB transferred`;
  return { scores, transferredKiB, blamed, refused, line };
}
