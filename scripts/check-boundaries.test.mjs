// The boundary checker on imports written for the purpose: each rule refuses what crosses it and lets the rest through.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkFile, importsOf, resolveImport } from "./check-boundaries.mjs";

const rulesBroken = (file, text) => checkFile(file, text).map((v) => v.rule);

describe("the boundary checker", () => {
  it("reads every form of import, and which are type-only", () => {
    const found = importsOf(
      "x.ts",
      [
        'import a from "./a";',
        'import type { B } from "./b";',
        'import { type C, type D } from "./c";',
        'import { e, type F } from "./e";',
        'export { g } from "./g";',
        'export type { H } from "./h";',
        'const i = await import("./i");',
        'type J = typeof import("./j");',
        '// import k from "./k";',
        "const l = \"import m from './m'\";",
      ].join("\n"),
    );
    assert.deepEqual(
      found.map(({ specifier, typeOnly }) => [specifier, typeOnly]),
      [
        ["./a", false],
        ["./b", true],
        ["./c", true],
        ["./e", false],
        ["./g", false],
        ["./h", true],
        ["./i", false],
        ["./j", true],
      ],
    );
  });

  it("resolves relative, .js-suffixed and workspace specifiers to files from the root", () => {
    assert.equal(resolveImport("workers/auth/x.ts", "../index"), "workers/index.ts");
    assert.equal(resolveImport("workers/auth/sub/x.ts", "../index"), "workers/auth/index");
    assert.equal(resolveImport("connector/src/x.ts", "./server.js"), "connector/src/server.ts");
    assert.equal(resolveImport("web/src/x.ts", "@autoarr/contract"), "packages/contract/");
    assert.equal(resolveImport("web/src/x.ts", "react"), null);
  });

  it("keeps workers/platform off the rest of workers/ and durable-objects/, but for the type of a Durable Object class", () => {
    assert.deepEqual(rulesBroken("workers/platform/x.ts", 'import { a } from "../auth/access-tokens.service";'), ["platform-is-the-floor"]);
    assert.deepEqual(rulesBroken("workers/platform/http/x.ts", 'import type { T } from "../../../durable-objects/rate-limiter/sliding-window.logic";'), [
      "platform-is-the-floor",
    ]);
    assert.deepEqual(rulesBroken("workers/platform/x.ts", 'import { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";'), [
      "platform-is-the-floor",
    ]);
    assert.deepEqual(rulesBroken("workers/platform/x.ts", 'import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";'), []);
    assert.deepEqual(rulesBroken("workers/platform/x.ts", 'import type { AutoArrMcp } from "../mcp/autoarr-mcp.agent";'), []);
    assert.deepEqual(rulesBroken("workers/platform/x.ts", 'import { AppError } from "./errors";\nimport { z } from "zod";'), []);
  });

  it("lets packages/contract import zod and itself only", () => {
    assert.deepEqual(rulesBroken("packages/contract/src/x.ts", 'import { z } from "zod";\nimport { APP_IDS } from "./apps";'), []);
    assert.deepEqual(rulesBroken("packages/contract/src/x.ts", 'import { Hono } from "hono";'), ["contract-is-zod-only"]);
    assert.deepEqual(rulesBroken("packages/contract/src/x.ts", 'import { APP_IDS } from "@autoarr/contract";'), []);
    assert.deepEqual(rulesBroken("packages/contract/src/x.ts", 'import { readFileSync } from "node:fs";'), ["contract-is-zod-only"]);
    assert.deepEqual(rulesBroken("packages/contract/src/x.ts", 'import type { AppEnv } from "../../../workers/platform/env";'), ["contract-is-zod-only"]);
  });

  it("keeps capability folders and Durable Objects off the composition roots", () => {
    for (const root of ["index", "app", "scheduled"]) {
      assert.deepEqual(rulesBroken("workers/auth/x.ts", `import x from "../${root}";`), ["no-composition-root"]);
      assert.deepEqual(rulesBroken("durable-objects/tenant-hub/x.ts", `import x from "../../workers/${root}";`), ["no-composition-root"]);
    }
    assert.deepEqual(rulesBroken("workers/auth/x.ts", 'import { hubFor } from "../connectors/hub-client";'), []);
    assert.deepEqual(rulesBroken("workers/index.ts", 'import { app } from "./app";'), []);
  });

  it("keeps web/src a client of the contract", () => {
    assert.deepEqual(rulesBroken("web/src/x.ts", 'import { ServerEvent } from "@autoarr/contract";\nimport { useState } from "react";'), []);
    assert.deepEqual(rulesBroken("web/src/api/x.ts", 'import type { AppType } from "../../../workers/app";'), ["web-is-a-client"]);
    assert.deepEqual(rulesBroken("web/src/x.ts", 'import { tools } from "autoarr-connector";'), ["web-is-a-client"]);
    assert.deepEqual(rulesBroken("web/src/x.ts", 'import type { TenantHub } from "../../durable-objects/tenant-hub/tenant-hub.do";'), ["web-is-a-client"]);
  });

  it("keeps connector/src apart from the Worker, the Durable Objects and the web", () => {
    assert.deepEqual(
      rulesBroken("connector/src/x.ts", 'import { z } from "zod";\nimport { APP_IDS } from "@autoarr/contract";\nimport { createServer } from "./server.js";'),
      [],
    );
    assert.deepEqual(rulesBroken("connector/src/x.ts", 'import { AppError } from "../../workers/platform/errors";'), ["connector-stands-alone"]);
    assert.deepEqual(rulesBroken("connector/src/x.ts", 'import { next } from "../../durable-objects/tenant-hub/circuit-breaker.logic";'), [
      "connector-stands-alone",
    ]);
    assert.deepEqual(rulesBroken("connector/src/apps/x.ts", 'const web = await import("../../../web/src/app");'), ["connector-stands-alone"]);
  });
});
