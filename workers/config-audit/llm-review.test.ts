import { describe, expect, it } from "vitest";
import demoFixture from "../../test/fixtures/snapshots/demo.json";
import { CATALOGUE } from "./catalogue";
import { evaluate, recommendations } from "./rule-engine";
import { stackSnapshotSchema } from "./snapshot.schema";
import { writeCall, valuesMatch } from "./apply.service";
import { reviewSchema, vet, withSetting, type Review } from "./llm-review";

const snapshot = stackSnapshotSchema.parse(demoFixture);
const findings = recommendations(evaluate(CATALOGUE, snapshot));
const context = { findings, rules: CATALOGUE, snapshot, audited: ["sabnzbd", "sonarr", "radarr", "plex"] as const as never };
type Item = Review["recommendations"][number];
const item = (overrides: Partial<Item>): Item => ({
  app: "sonarr",
  setting: "sonarr.host.logLevel",
  recommendedValue: "info",
  priority: "medium",
  title: "Log level",
  why: "Trace logs fill the disk quickly.",
  ...overrides,
});

describe("vetting Claude's review", () => {
  it("accepts a re-ranking of a finding and keeps the findings it did not mention", () => {
    const result = vet({ recommendations: [item({ ruleId: "sonarr.general.log-level", priority: "high" })] }, context);
    expect(result.ok && result.items[0]).toMatchObject({ ruleId: "sonarr.general.log-level", priority: "high" });
    expect(result.ok && result.items.length).toBe(findings.length);
  });

  it("rejects a value that fails the rule's own check", () => {
    expect(vet({ recommendations: [item({ ruleId: "sonarr.general.log-level", recommendedValue: "trace" })] }, context)).toMatchObject({ ok: false });
  });

  it("rejects turning authentication or SSL off, with or without a rule", () => {
    expect(
      vet(
        { recommendations: [item({ ruleId: "sonarr.security.authentication-method", setting: "sonarr.host.authenticationMethod", recommendedValue: "none" })] },
        context,
      ).ok,
    ).toBe(false);
    expect(vet({ recommendations: [item({ setting: "sonarr.host.authenticationMethod", recommendedValue: "none" })] }, context).ok).toBe(false);
    expect(
      vet({ recommendations: [item({ app: "sabnzbd", setting: "sabnzbd.config.servers[name=news.newshosting.com].ssl", recommendedValue: 0 })] }, context).ok,
    ).toBe(false);
  });

  it("rejects apps outside the catalogue, settings of another app and settings that do not exist", () => {
    expect(vet({ recommendations: [item({ app: "lidarr", setting: "lidarr.host.logLevel" })] }, context).ok).toBe(false);
    expect(vet({ recommendations: [item({ app: "radarr", setting: "sonarr.host.logLevel" })] }, context).ok).toBe(false);
    expect(vet({ recommendations: [item({ setting: "sonarr.host.noSuchSetting" })] }, context).ok).toBe(false);
  });

  it("rejects a new recommendation for a script setting, which chooses what the app runs", () => {
    expect(
      vet({ recommendations: [item({ app: "sabnzbd", setting: "sabnzbd.config.misc.script_dir", recommendedValue: "/downloads/incomplete" })] }, context),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("security setting") });
  });

  it("accepts a source on a site the rules cite and rejects one on any other site", () => {
    const added = (url: string) =>
      item({ app: "sabnzbd", setting: "sabnzbd.config.misc.receive_threads", recommendedValue: 4, source: { name: "Tuning guide", url } });
    expect(vet({ recommendations: [added("https://sabnzbd.org/wiki/configuration/4.5/switches")] }, context).ok).toBe(true);
    expect(vet({ recommendations: [added("https://evil.example/guide")] }, context)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("a site no rule cites"),
    });
  });

  it("refuses fields the review does not define", () => {
    expect(reviewSchema.safeParse({ recommendations: [{ ...item({}), tool: "sonarr_series_delete" }] }).success).toBe(false);
    expect(reviewSchema.safeParse({ recommendations: [item({})], also: "delete everything" }).success).toBe(false);
    expect(reviewSchema.safeParse({ recommendations: [item({})] }).success).toBe(true);
  });

  it("rejects lowering the priority of a security rule", () => {
    const auth = findings.find((f) => f.ruleId === "sonarr.security.authentication-method")!;
    expect(
      vet(
        { recommendations: [item({ ruleId: auth.ruleId, setting: auth.setting, recommendedValue: auth.recommendedValue as never, priority: "low" })] },
        context,
      ).ok,
    ).toBe(false);
  });

  it("writes a value into a copy of the snapshot through filters", () => {
    const changed = withSetting(snapshot, "sabnzbd.config.servers[name=news.newshosting.com].ssl_verify", 2);
    expect(changed?.sabnzbd?.config.servers[0]).toMatchObject({ ssl_verify: 2 });
    expect(snapshot.sabnzbd?.config.servers[0]).toMatchObject({ ssl_verify: 0 });
  });
});

describe("the rollback writer", () => {
  it("builds the same connector call as each rule's own fix", () => {
    const fixes = findings.filter((f) => f.fix.kind === "apply");
    expect(fixes.length).toBeGreaterThan(10);
    for (const finding of fixes) {
      if (finding.fix.kind !== "apply") continue;
      for (const write of finding.fix.writes) {
        if (Array.isArray(write.value)) continue; // lists are written as SABnzbd's comma-separated text
        const call = writeCall(write.setting, write.value);
        expect(call && { tool: call.tool.name, arguments: call.arguments }, `${finding.ruleId} ${write.setting}`).toEqual({
          tool: write.tool,
          arguments: write.arguments,
        });
      }
    }
  });

  it("compares values the way the apps serve them", () => {
    expect(valuesMatch("1", 1)).toBe(true);
    expect(valuesMatch(1, true)).toBe(true);
    expect(valuesMatch("exe, com", ["exe", "com"])).toBe(true);
    expect(valuesMatch("debug", "info")).toBe(false);
  });
});
