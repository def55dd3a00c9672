import { describe, expect, it } from "vitest";
import type { Check } from "./check.schema";
import { checkSchema } from "./check.schema";
import { toBoolean, toNumber } from "./coerce";
import { evaluateCheck } from "./dsl";
import { resolve } from "./path";

const snapshot = {
  sabnzbd: {
    config: {
      misc: {
        direct_unpack: 1,
        pre_check: "0",
        enable_https: false,
        fail_hopeless_jobs: "true",
        cache_limit: "1G",
        port: "8080",
        unwanted_extensions: [],
        complete_dir: "/data/usenet/complete",
      },
      servers: [
        { name: "news.eweka.nl", enable: 1, ssl: true, ssl_verify: "3" },
        { name: "backup", enable: 0, ssl: 0, ssl_verify: 0 },
      ],
      categories: [
        { name: "*", dir: "" },
        { name: "tv", dir: "tv" },
        { name: "flat", dir: "flat*" },
      ],
    },
  },
  sonarr: {
    downloadClients: [
      { name: "SABnzbd", implementation: "Sabnzbd", settings: { host: "sab", tvCategory: "tv" } },
      { name: "NZBGet", implementation: "Nzbget", settings: { tvCategory: "series" } },
    ],
    rootFolders: [{ path: "/data/media/tv" }],
  },
  plex: {
    preferences: [
      { id: "DlnaEnabled", value: false },
      { id: "secureConnections", value: 1 },
    ],
    libraries: [
      { title: "TV", locations: ["/data/media/tv", "//nas/tv"] },
      { title: "Films", locations: [] },
    ],
  },
};

const check = (c: Check) => evaluateCheck(checkSchema.parse(c), { root: snapshot });

describe("path resolution", () => {
  it("follows fields and filters arrays by a field's value", () => {
    expect(resolve("sonarr.downloadClients[implementation=Sabnzbd].settings.tvCategory", { root: snapshot })).toEqual(["tv"]);
    expect(resolve("plex.preferences[id=DlnaEnabled].value", { root: snapshot })).toEqual([false]);
    expect(resolve("plex.preferences[id=FSEventLibraryUpdatesEnabled].value", { root: snapshot })).toEqual([]);
  });

  it("reads the current element itself with a bare @ (a list of plain values)", () => {
    const networkShare: Check = { op: "some", path: "@.locations[*]", where: { op: "matches", path: "@", pattern: "^//" } };
    expect(check({ op: "some", path: "plex.libraries[*]", where: networkShare })).toBe(true);
    expect(check({ op: "every", path: "plex.libraries[*]", where: networkShare })).toBe(false);
  });

  it("selects every element with [*] and one with an index", () => {
    expect(resolve("sabnzbd.config.categories[*].name", { root: snapshot })).toEqual(["*", "tv", "flat"]);
    expect(resolve("sabnzbd.config.servers[1].name", { root: snapshot })).toEqual(["backup"]);
  });

  it("keeps dots inside a filter value", () => {
    expect(resolve("sabnzbd.config.servers[name=news.eweka.nl].ssl", { root: snapshot })).toEqual([true]);
  });

  it("matches 0/1 filter values against booleans the way SABnzbd mixes them", () => {
    expect(resolve("sabnzbd.config.servers[enable=true].name", { root: snapshot })).toEqual(["news.eweka.nl"]);
  });

  it("narrows an already selected element with a second filter", () => {
    expect(resolve("sonarr.downloadClients[implementation=Sabnzbd][name=SABnzbd].name", { root: snapshot })).toEqual(["SABnzbd"]);
    expect(resolve("sonarr.downloadClients[implementation=Sabnzbd][name=Other].name", { root: snapshot })).toEqual([]);
  });

  it("reaches nothing for missing fields, apps and out-of-range indexes", () => {
    expect(resolve("radarr.host.port", { root: snapshot })).toEqual([]);
    expect(resolve("sabnzbd.config.misc.nope", { root: snapshot })).toEqual([]);
    expect(resolve("sabnzbd.config.servers[9].name", { root: snapshot })).toEqual([]);
  });

  it("rejects malformed paths when a check is parsed", () => {
    expect(checkSchema.safeParse({ op: "truthy", path: "sonarr.downloadClients[name=x" }).success).toBe(false);
    expect(checkSchema.safeParse({ op: "truthy", path: "sonarr..host" }).success).toBe(false);
  });
});

describe("coercion of the apps' value quirks", () => {
  it("reads SABnzbd's 0/1, '0'/'1' and true/false as booleans", () => {
    expect([1, "1", true, "true", "True"].map(toBoolean)).toEqual([true, true, true, true, true]);
    expect([0, "0", false, "false", "", null, undefined].map(toBoolean)).toEqual([false, false, false, false, false, false, false]);
  });

  it("reads numeric strings and binary size suffixes as numbers", () => {
    expect(toNumber("8080")).toBe(8080);
    expect(toNumber("512M")).toBe(512 * 1024 ** 2);
    expect(toNumber("1G")).toBe(1024 ** 3);
    expect(toNumber("")).toBeNaN();
  });
});

describe("check ops", () => {
  it("equals coerces the setting to the expected value's type", () => {
    expect(check({ op: "equals", path: "sabnzbd.config.misc.direct_unpack", value: true })).toBe(true);
    expect(check({ op: "equals", path: "sabnzbd.config.misc.port", value: 8080 })).toBe(true);
    expect(check({ op: "equals", path: "sabnzbd.config.misc.fail_hopeless_jobs", value: true })).toBe(true);
    expect(check({ op: "notEquals", path: "sabnzbd.config.misc.pre_check", value: true })).toBe(true);
  });

  it("in and notIn compare against a list, optionally ignoring case", () => {
    expect(check({ op: "in", path: "sabnzbd.config.categories[name=tv].dir", values: ["TV"], ignoreCase: true })).toBe(true);
    expect(check({ op: "notIn", path: "sabnzbd.config.categories[name=tv].dir", values: ["movies", "series"] })).toBe(true);
  });

  it("truthy and falsy handle SABnzbd's 0/1 and 'true' strings", () => {
    expect(check({ op: "truthy", path: "sabnzbd.config.misc.direct_unpack" })).toBe(true);
    expect(check({ op: "truthy", path: "sabnzbd.config.misc.fail_hopeless_jobs" })).toBe(true);
    expect(check({ op: "falsy", path: "sabnzbd.config.misc.pre_check" })).toBe(true);
    expect(check({ op: "falsy", path: "sabnzbd.config.misc.enable_https" })).toBe(true);
  });

  it("treats a missing setting as off, so truthy fails and falsy holds", () => {
    expect(check({ op: "truthy", path: "sabnzbd.config.misc.missing" })).toBe(false);
    expect(check({ op: "falsy", path: "sabnzbd.config.misc.missing" })).toBe(true);
    expect(check({ op: "exists", path: "sabnzbd.config.misc.missing" })).toBe(false);
  });

  it("gte and lte compare numbers, numeric strings and sizes", () => {
    expect(check({ op: "gte", path: "sabnzbd.config.misc.cache_limit", value: "512M" })).toBe(true);
    expect(check({ op: "lte", path: "sabnzbd.config.misc.cache_limit", value: "512M" })).toBe(false);
    expect(check({ op: "gte", path: "sabnzbd.config.servers[name=news.eweka.nl].ssl_verify", value: 2 })).toBe(true);
    expect(check({ op: "gte", path: "sabnzbd.config.misc.missing", value: 1 })).toBe(false);
  });

  it("matches tests a regular expression against the text of the value", () => {
    expect(check({ op: "matches", path: "sabnzbd.config.categories[name=flat].dir", pattern: "\\*$" })).toBe(true);
    expect(check({ op: "notMatches", path: "sabnzbd.config.categories[name=tv].dir", pattern: "\\*$" })).toBe(true);
  });

  it("nonEmpty and empty look at strings, lists and whether anything was reached", () => {
    expect(check({ op: "empty", path: "sabnzbd.config.misc.unwanted_extensions" })).toBe(true);
    expect(check({ op: "nonEmpty", path: "sonarr.rootFolders" })).toBe(true);
    expect(check({ op: "nonEmpty", path: "sonarr.downloadClients[implementation=Qbittorrent]" })).toBe(false);
  });

  it("all, any and not combine checks", () => {
    const on: Check = { op: "truthy", path: "sabnzbd.config.misc.direct_unpack" };
    const off: Check = { op: "truthy", path: "sabnzbd.config.misc.pre_check" };
    expect(check({ op: "all", of: [on, off] })).toBe(false);
    expect(check({ op: "any", of: [on, off] })).toBe(true);
    expect(check({ op: "not", check: off })).toBe(true);
  });

  it("some, every and none evaluate a where-check against each element through @", () => {
    const sslOn: Check = { op: "truthy", path: "@.ssl" };
    expect(check({ op: "some", path: "sabnzbd.config.servers", where: sslOn })).toBe(true);
    expect(check({ op: "every", path: "sabnzbd.config.servers[*]", where: sslOn })).toBe(false);
    expect(check({ op: "every", path: "sabnzbd.config.servers[enable=1]", where: sslOn })).toBe(true);
    expect(check({ op: "none", path: "sabnzbd.config.categories[*]", where: { op: "equals", path: "@.name", value: "movies" } })).toBe(true);
  });

  it("every holds over nothing, some does not", () => {
    const where: Check = { op: "truthy", path: "@.enable" };
    expect(check({ op: "every", path: "sonarr.missing[*]", where })).toBe(true);
    expect(check({ op: "some", path: "sonarr.missing[*]", where })).toBe(false);
  });

  it("containedIn cross-references a value with the values at another path", () => {
    const tvCategory = "sonarr.downloadClients[implementation=Sabnzbd].settings.tvCategory";
    expect(check({ op: "containedIn", path: tvCategory, in: "sabnzbd.config.categories[*].name" })).toBe(true);
    expect(
      check({ op: "containedIn", path: "sonarr.downloadClients[implementation=Nzbget].settings.tvCategory", in: "sabnzbd.config.categories[*].name" }),
    ).toBe(false);
    expect(check({ op: "containedIn", path: "radarr.missing", in: "sabnzbd.config.categories[*].name" })).toBe(false);
  });

  it("sameTopFolder compares the first folder of two sets of paths", () => {
    expect(check({ op: "sameTopFolder", path: "sabnzbd.config.misc.complete_dir", as: "sonarr.rootFolders[*].path" })).toBe(true);
    const elsewhere = { root: { a: "/downloads/complete", b: ["/tv"] } };
    expect(evaluateCheck({ op: "sameTopFolder", path: "a", as: "b" }, elsewhere)).toBe(false);
  });

  it("rejects ops, fields and regexes the DSL does not know", () => {
    expect(checkSchema.safeParse({ op: "eval", path: "a" }).success).toBe(false);
    expect(checkSchema.safeParse({ op: "truthy", path: "a", extra: 1 }).success).toBe(false);
    expect(checkSchema.safeParse({ op: "matches", path: "a", pattern: "(" }).success).toBe(false);
  });
});
