// Names an object inherits (constructor, __proto__, toString, …) used as path parameters. `name in map` matched them,
// and GET /health/constructor answered with the Worker's whole environment, secrets included.
import { describe, expect, it } from "vitest";
import { api, secrets, signUp } from "../helpers";

const INHERITED = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "prototype",
];

describe("inherited property names as path parameters", () => {
  for (const name of INHERITED) {
    it(`GET /health/${name} is a 404 with the error envelope and no secret, signed in or not`, async () => {
      const owner = await signUp("inherited");
      for (const token of [undefined, owner.accessToken]) {
        const response = await api(`/health/${name}`, { token });
        const text = await response.text();
        expect(response.status).toBe(404);
        expect(JSON.parse(text)).toMatchObject({ error: { code: "not_found" } });
        for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
      }
    });
  }

  it("still answers the platform parts and says which names exist", async () => {
    for (const part of ["worker", "d1", "kv"]) expect((await api(`/health/${part}`)).status).toBe(200);
    const response = await api("/health/nope");
    expect(response.status).toBe(404);
  });
});

describe("inherited names inside the Worker's own look-ups", () => {
  it("a setting path through __proto__, constructor or prototype is not a path", async () => {
    const { parsePath, resolve } = await import("../../workers/config-audit/path");
    for (const path of ["sonarr.__proto__.polluted", "sabnzbd.config.constructor", "plex.prefs[constructor=1]", "radarr.prototype"]) {
      expect(() => parsePath(path)).toThrow(/is not a setting/);
    }
    expect(resolve("sonarr.toString", { root: { sonarr: {} } })).toEqual([]);
    expect(resolve("sonarr.hasOwnProperty", { root: { sonarr: { hasOwnProperty: 1 } } })).toEqual([1]);
  });

  it("Claude's proposed setting cannot write through the prototype", async () => {
    const { withSetting } = await import("../../workers/config-audit/llm-review");
    const snapshot = { sonarr: { host: { authenticationMethod: "forms" } } } as never;
    expect(withSetting(snapshot, "sonarr.__proto__.polluted", true)).toBeUndefined();
    expect(withSetting(snapshot, "sonarr.constructor.prototype.polluted", true)).toBeUndefined();
    expect(withSetting(snapshot, "sonarr.toString.polluted", true)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a tool named after an inherited property belongs to no app", async () => {
    const { appOfTool } = await import("@autoarr/contract");
    for (const tool of ["constructor_x", "toString", "__proto___queue", "hasOwnProperty_y"]) expect(appOfTool(tool)).toBeUndefined();
    expect(appOfTool("sonarr_queue")).toBe("sonarr");
  });

  it("download ids named __proto__ or constructor are tracked like any other", async () => {
    const { trackDownloads } = await import("../../workers/monitoring/vanished.logic");
    const { detect } = await import("../../workers/monitoring/detect.logic");
    const record = (downloadId: string) => ({
      id: 1,
      downloadId,
      episodeId: 7,
      seriesId: 3,
      title: downloadId,
      status: "downloading",
      trackedDownloadState: "downloading",
      trackedDownloadStatus: "ok",
    });
    const first = trackDownloads({ sonarrQueue: [record("__proto__"), record("constructor")] as never, completeQueues: ["sonarr"] }, {});
    expect(Object.keys(first.tracked).sort()).toEqual(["__proto__", "constructor"]);
    const second = trackDownloads({ sonarrQueue: [], completeQueues: ["sonarr"] }, first.tracked);
    expect(second.gone.map(([id]) => id).sort()).toEqual(["__proto__", "constructor"]);
    const fresh = trackDownloads({ sonarrQueue: [], completeQueues: ["sonarr"] }, {});
    expect(fresh.gone).toEqual([]);

    const slot = (nzoId: string) => ({ nzoId, name: nzoId, status: "Downloading", leftMb: 100 });
    const stalled = detect({ sabQueue: [slot("constructor"), slot("__proto__")] as never }, {}, 1);
    expect(stalled.detections).toEqual([]);
    expect(Object.keys(stalled.stall).sort()).toEqual(["__proto__", "constructor"]);
  });
});
