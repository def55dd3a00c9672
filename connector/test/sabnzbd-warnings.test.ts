// sabnzbd_warnings against the simulator, which answers mode=warnings as a real 4.5.0 does (sabnzbd.real.test.ts
// checks the real one): {"warnings":[{"type","text","time","origin"}]}, oldest first, name=clear empties it.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maskUrlSecrets } from "../src/apps/sabnzbd/sabnzbd.types.js";
import { call, simFetch, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
let sab: string;
beforeAll(async () => {
  harness = await startHarness({ apps: ["sabnzbd"], timeoutMs: 2000 });
  client = await harness.client();
  sab = harness.sims.urls.sabnzbd;
});
afterAll(() => harness.close());
beforeEach(async () => {
  await simFetch(`${sab}/__sim/reset`, { method: "POST" });
});

const plant = (body: Record<string, unknown>) => simFetch(`${sab}/__sim/sabnzbd-warning`, { method: "POST", body: JSON.stringify(body) });

describe("sabnzbd_warnings", () => {
  it("says there are none on a fresh start", async () => {
    const result = await call(client, "sabnzbd_warnings");
    expect(result).toMatchObject({ isError: false, text: "SABnzbd reports no warnings", data: { count: 0, warnings: [] } });
  });

  it("lists SABnzbd's warnings oldest first with type, text, time and origin, and reading does not clear them", async () => {
    await plant({ text: "Invalid NZB file bad.nzb, skipping (error: syntax error: line 1, column 0)", origin: "nzbstuff.py795" });
    await plant({ type: "ERROR", text: "Failed login for server news.example.com", origin: "newswrapper.py412" });
    const result = await call(client, "sabnzbd_warnings");
    expect(result.data).toEqual({
      count: 2,
      warnings: [
        {
          type: "WARNING",
          text: "Invalid NZB file bad.nzb, skipping (error: syntax error: line 1, column 0)",
          time: expect.any(Number),
          origin: "nzbstuff.py795",
        },
        { type: "ERROR", text: "Failed login for server news.example.com", time: expect.any(Number), origin: "newswrapper.py412" },
      ],
    });
    expect(result.text).toBe("SABnzbd reports 2 warning(s); the latest: Failed login for server news.example.com");
    expect((await call(client, "sabnzbd_warnings")).data.count).toBe(2);
  });

  it("masks credentials a warning quotes from a URL", async () => {
    await plant({ text: "URL Fetching failed; https://indexer.example/getnzb?id=42&apikey=0123456789abcdef&r=feedtoken" });
    await plant({ text: "Failed to connect via socks5://bob:hunter2@proxy.example:1080" });
    const { data } = await call(client, "sabnzbd_warnings");
    const texts = (data.warnings as { text: string }[]).map((w) => w.text);
    expect(texts).toEqual([
      "URL Fetching failed; https://indexer.example/getnzb?id=42&apikey=********&r=********",
      "Failed to connect via socks5://********@proxy.example:1080",
    ]);
    expect(JSON.stringify(data)).not.toMatch(/0123456789abcdef|hunter2|feedtoken/);
  });

  it("leaves text without credentials as it is", () => {
    expect(maskUrlSecrets("Too little diskspace forcing PAUSE")).toBe("Too little diskspace forcing PAUSE");
  });
});
