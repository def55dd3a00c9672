import { describe, expect, it } from "vitest";
import { CATALOGUE, loadCatalogue } from "./catalogue";
import { APPS } from "./rule.schema";

describe("the best-practices catalogue", () => {
  it("gives every rule a unique id", () => {
    const ids = CATALOGUE.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(APPS)("has at least 12 rules for %s", (app) => {
    expect(CATALOGUE.filter((rule) => rule.app === app).length).toBeGreaterThanOrEqual(12);
  });

  it("names a source with an https URL for every rule", () => {
    for (const rule of CATALOGUE) {
      expect(rule.source.name.length, rule.id).toBeGreaterThan(3);
      expect(new URL(rule.source.url).protocol, rule.id).toBe("https:");
    }
  });

  it("explains every rule in at most three sentences", () => {
    for (const rule of CATALOGUE) expect(rule.why.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length, rule.id).toBeLessThanOrEqual(3);
  });

  it("only offers apply-fixes through connector tools that can write", () => {
    const writers = new Set(["sabnzbd_set_config", "sonarr_config_update", "radarr_config_update"]);
    for (const rule of CATALOGUE) {
      if (rule.fix.kind !== "apply") continue;
      for (const write of "writes" in rule.fix ? rule.fix.writes : [rule.fix]) expect(writers.has(write.tool), rule.id).toBe(true);
    }
  });

  it("never offers to apply a Plex change, because Plex settings are read-only through the connector", () => {
    expect(CATALOGUE.filter((rule) => rule.app === "plex" && rule.fix.kind === "apply")).toEqual([]);
  });

  it("refuses a rule file with an invalid rule, naming the file", () => {
    expect(() => loadCatalogue({ sonarr: [{ id: "sonarr.bad", app: "sonarr" }] })).toThrow(/sonarr\.json/);
  });

  it("refuses a rule filed under the wrong app", () => {
    const [rule] = CATALOGUE.filter((r) => r.app === "plex");
    expect(() => loadCatalogue({ sonarr: [rule] })).toThrow(/belongs to plex/);
  });

  it("refuses a rule whose check reads a path it does not declare", () => {
    const [rule] = CATALOGUE.filter((r) => r.id === "sabnzbd.post-processing.direct-unpack");
    expect(() => loadCatalogue({ sabnzbd: [{ ...rule, reads: ["sabnzbd.config.misc.other"] }] })).toThrow(/reads must list/);
  });
});
