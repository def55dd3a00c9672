// sabnzbd_set_config refuses the settings that decide what SABnzbd runs, where it writes and who can reach it,
// whoever asks: a script folder under the user's control is code execution on the NAS.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "./helpers.js";

let harness: Harness;
let client: Client;
beforeAll(async () => {
  harness = await startHarness({ apps: ["sabnzbd"], timeoutMs: 500 });
  client = await harness.client();
});
afterAll(() => harness.close());

const setConfigCalls = () => harness.sims.requests("sabnzbd").filter((r) => r.query.mode === "set_config").length;

describe("sabnzbd_set_config, attacked", () => {
  it.each([
    ["misc", undefined, "script_dir", "/tmp/evil"],
    ["misc", undefined, "download_dir", "/tmp"],
    ["misc", undefined, "complete_dir", "/tmp"],
    ["misc", undefined, "nzb_backup_dir", "/tmp"],
    ["misc", undefined, "admin_dir", "/tmp"],
    ["misc", undefined, "log_dir", "/tmp"],
    ["misc", undefined, "host", "0.0.0.0"],
    ["misc", undefined, "port", 9999],
    ["misc", undefined, "username", "x"],
    ["misc", undefined, "password", "x"],
    ["misc", undefined, "pre_script", "evil.sh"],
    ["misc", undefined, "end_queue_script", "evil.sh"],
    ["misc", undefined, "https_cert", "/tmp/cert.pem"],
    ["categories", "movies", "script", "evil.sh"],
    ["categories", "movies", "dir", "/etc"],
    ["categories", "movies", "dir", "../../etc"],
    ["servers", "news.newshosting.com", "host", "evil.example"],
    ["servers", "news.newshosting.com", "password", "x"],
  ])("refuses %s %s.%s and never asks SABnzbd", async (section, name, keyword, value) => {
    const before = setConfigCalls();
    const result = await call(client, "sabnzbd_set_config", { section, ...(name ? { name } : {}), keyword, value });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(new RegExp(`${keyword}.*(script|folder|path|credential|address)|(script|folder|path|credential|address).*${keyword}`, "i"));
    expect(setConfigCalls()).toBe(before);
  });

  it("still sets ordinary settings and a category's relative folder", async () => {
    expect((await call(client, "sabnzbd_set_config", { section: "misc", keyword: "cache_limit", value: "1G" })).isError).toBe(false);
    expect((await call(client, "sabnzbd_set_config", { section: "categories", name: "movies", keyword: "dir", value: "movies" })).isError).toBe(false);
  });
});
