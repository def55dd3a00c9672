// Ranking and quality-profile choice, with candidates shaped like the simulators' lookup results.
import { describe, expect, it } from "vitest";
import { parseWithRules } from "./parse.rules";
import { chooseQualityProfile } from "./quality-profile";
import { type Candidate, decide, titleSimilarity } from "./rank";

const NOW = new Date("2026-05-01T00:00:00Z");
let position = 0;
const movie = (title: string, year: number, externalId = year): Candidate => ({
  optionId: `radarr:${externalId}`,
  app: "radarr",
  type: "movie",
  externalId,
  title,
  year,
  overview: null,
  posterUrl: null,
  inLibrary: false,
  libraryId: null,
  position: position++,
});
const series = (title: string, year: number, externalId = year): Candidate => ({
  ...movie(title, year, externalId),
  optionId: `sonarr:${externalId}`,
  app: "sonarr",
  type: "tv",
});
const DUNES = [movie("Dune", 1984, 841), movie("Dune", 2021, 438631), movie("Dune: Part Two", 2024, 693134)];
const OFFICES = [series("The Office (US)", 2005, 73244), series("The Office (UK)", 2001, 78107)];

describe("decide", () => {
  it("asks which Dune when no year is given", () => {
    const decision = decide(parseWithRules("dune", NOW), DUNES);
    expect(decision.kind).toBe("choice");
    if (decision.kind === "choice") expect(decision.options.map((o) => o.year)).toEqual([1984, 2021]);
  });

  it("picks the Dune of the year asked for", () => {
    const decision = decide(parseWithRules("Dune (2021)", NOW), DUNES);
    expect(decision.kind === "clear" && decision.winner.externalId).toBe(438631);
  });

  it("picks Part Two when the words say so", () => {
    const decision = decide(parseWithRules("get me Dune part two in 4k", NOW), DUNES);
    expect(decision.kind === "clear" && decision.winner.title).toBe("Dune: Part Two");
  });

  it("tells The Office US from UK only when the text does", () => {
    expect(decide(parseWithRules("the office", NOW), OFFICES).kind).toBe("choice");
    const us = decide(parseWithRules("the office us season 3", NOW), OFFICES);
    expect(us.kind === "clear" && us.winner.externalId).toBe(73244);
  });

  it("prefers the asked type when a title exists as both", () => {
    const both = [movie("Fargo", 1996, 275), series("Fargo", 2014, 269613)];
    const decision = decide(parseWithRules("Fargo tv series", NOW), both);
    expect(decision.kind === "clear" && decision.winner.app).toBe("sonarr");
    expect(decide(parseWithRules("Fargo", NOW), both).kind).toBe("choice");
  });

  it("finds nothing relevant in unrelated results", () => {
    expect(decide(parseWithRules("Inception", NOW), [movie("Interstellar", 2014)]).kind).toBe("none");
    expect(decide(parseWithRules("Inception", NOW), []).kind).toBe("none");
  });

  it("scores the same words in any order and ignores articles and punctuation", () => {
    expect(titleSimilarity("the office us", "The Office (US)")).toBe(1);
    expect(titleSimilarity("Mad Max Fury Road", "Mad Max: Fury Road")).toBe(1);
    expect(titleSimilarity("alien", "Aliens")).toBe(0);
  });
});

describe("chooseQualityProfile", () => {
  const profiles = [
    { id: 1, name: "Any", maxResolution: 1080, allowedQualities: ["SDTV", "HDTV-720p", "WEBDL-720p", "WEB 1080p", "Bluray-1080p"] },
    { id: 4, name: "HD-1080p", maxResolution: 1080, allowedQualities: ["HDTV-1080p", "WEB 1080p", "Bluray-1080p"] },
    { id: 5, name: "Ultra-HD", maxResolution: 2160, allowedQualities: ["WEBDL-2160p"] },
  ];

  it("maps each requested quality to the profile that serves it", () => {
    expect(chooseQualityProfile(profiles, "2160p")?.id).toBe(5);
    expect(chooseQualityProfile(profiles, "1080p")?.id).toBe(4);
    expect(chooseQualityProfile(profiles, "best")?.id).toBe(5);
    expect(chooseQualityProfile(profiles, null)?.id).toBe(4);
  });

  it("falls back to the nearest lower profile when none matches", () => {
    expect(chooseQualityProfile(profiles.slice(0, 2), "2160p")?.id).toBe(4);
    expect(chooseQualityProfile([], "720p")).toBeUndefined();
  });
});
