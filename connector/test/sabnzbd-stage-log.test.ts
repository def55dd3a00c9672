// A job SABnzbd 4.5 completes with articles missing and no PAR2 is "Completed" with an empty fail_message: the only
// trace is its stage log. Captured from the real Debian sabnzbdplus 4.5 through test/realbed (2 of 7 articles not on
// the server, no PAR2; test/stack/realbed-fixtures.test.mjs asserts the same): the history tool must pass it on, and
// the simulator must produce such a job exactly so.
import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { projectHistorySlot } from "../src/apps/sabnzbd/sabnzbd.types.js";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

/** The real 4.5 answer's stage_log for that job, as captured (nzbstuff.py set_download_report joins the Download lines with <br/>). */
const realStageLog = (name: string) => [
  { name: "Source", actions: [`${name}.nzb`] },
  { name: "Download", actions: ["Downloaded in 0 seconds at an average of 4.2 MB/s<br/>Age: 0m<br/>2 articles were missing"] },
  { name: "Servers", actions: ["main=272 KB"] },
  // postproc.py: rar_renamer, then T("[%s] No par2 sets") when the job has no PAR2 set.
  { name: "Repair", actions: ["Trying RAR renamer", `[${name}] No par2 sets`] },
];

describe("the history tool's stage log", () => {
  it("passes each stage on with its lines, split where SABnzbd joined them with <br/>", () => {
    const slot = projectHistorySlot({ nzo_id: "SABnzbd_nzo_x", name: "Capture", status: "Completed", fail_message: "", stage_log: realStageLog("Capture") });
    expect(slot.stageLog).toEqual([
      { name: "Source", actions: ["Capture.nzb"] },
      { name: "Download", actions: ["Downloaded in 0 seconds at an average of 4.2 MB/s", "Age: 0m", "2 articles were missing"] },
      { name: "Servers", actions: ["main=272 KB"] },
      { name: "Repair", actions: ["Trying RAR renamer", "[Capture] No par2 sets"] },
    ]);
  });

  it("keeps the recorded failure's stages as the real program wrote them", () => {
    const recorded = JSON.parse(readFileSync(new URL("./recorded/sabnzbd-4.5/history-download-failed.json", import.meta.url), "utf8"));
    const slot = projectHistorySlot(recorded.json.history.slots[0]);
    expect(slot.stageLog?.find((s) => s.name === "Download")?.actions).toEqual([
      "3 articles were missing",
      "Download failed - Not on your server(s) - https://sabnzbd.org/not-complete",
    ]);
  });

  it("masks an indexer's key in the Source stage, which is the NZB's URL (nzbstuff.py: self.url or self.filename)", () => {
    const slot = projectHistorySlot({
      nzo_id: "n",
      name: "N",
      status: "Completed",
      stage_log: [{ name: "Source", actions: ["https://indexer.example/api?t=get&id=1&apikey=0123456789abcdef"] }],
    });
    expect(slot.stageLog).toEqual([{ name: "Source", actions: ["https://indexer.example/api?t=get&id=1&apikey=********"] }]);
  });
});

describe("the simulator's damaged completed job", () => {
  let harness: Harness;
  let client: Client;
  let sab: string;
  beforeAll(async () => {
    harness = await startHarness({ apps: ["sabnzbd"], timeoutMs: 500 });
    client = await harness.client();
    sab = harness.sims.urls.sabnzbd;
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    await simFetch(`${sab}/__sim/reset`, { method: "POST" });
  });

  const damage = (downloadId: string, missingArticles: number) =>
    fetch(`${sab}/__sim/sabnzbd-damaged`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ downloadId, missingArticles }),
    });
  const addJob = async (name: string) => {
    const key = harness.sims.keys.sabnzbd;
    const answer = (await (
      await fetch(`${sab}/api?mode=addurl&name=${encodeURIComponent(`https://indexer.example/getnzb/${name}.nzb`)}&nzbname=${name}&apikey=${key}&output=json`)
    ).json()) as { nzo_ids: string[] };
    return answer.nzo_ids[0]!;
  };

  it("completes with an empty fail_message, not among the failed jobs, and says so only in its Download and Repair stages", async () => {
    const name = "Damaged.Show.S01E02.720p.WEB-DL-GRP";
    const nzoId = await addJob(name);
    expect((await damage(nzoId, 2)).status).toBe(200);
    const history = await call(client, "sabnzbd_history", {});
    const slot = (history.data.slots as { nzoId: string; status: string; failMessage: string; stageLog: { name: string; actions: string[] }[] }[]).find(
      (s) => s.nzoId === nzoId,
    )!;
    expect(slot).toMatchObject({ status: "Completed", failMessage: "" });
    expect(slot.stageLog.find((s) => s.name === "Download")?.actions).toContain("2 articles were missing");
    expect(slot.stageLog.find((s) => s.name === "Repair")?.actions).toEqual(["Trying RAR renamer", `[${name}] No par2 sets`]);
    expect(slot.stageLog.map((s) => s.name)).toEqual(realStageLog(name).map((s) => s.name));
    const failed = await call(client, "sabnzbd_history", { failedOnly: true });
    expect((failed.data.slots as { nzoId: string }[]).map((s) => s.nzoId)).not.toContain(nzoId);
  });

  it("refuses more missing articles than SABnzbd completes a job with (constants.py MAX_BAD_ARTICLES = 5: more aborts it)", async () => {
    const nzoId = await addJob("Too.Damaged.S01E01");
    expect((await damage(nzoId, 6)).status).toBe(400);
    expect((await damage(nzoId, 0)).status).toBe(400);
  });
});
