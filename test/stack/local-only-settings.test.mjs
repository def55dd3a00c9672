// Settings that only make sense on a developer's machine live in `npm start` (scripts/lib/stack.mjs), never in
// wrangler.toml's [vars], which a deploy ships: the Vite dev server's origins and connectors on 127.0.0.1.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { LOCAL_DEVELOPMENT_VARS, ROOT } from "../../scripts/lib/stack.mjs";

/** The [vars] table of wrangler.toml, as its raw lines. */
function productionVars() {
  const toml = readFileSync(path.join(ROOT, "wrangler.toml"), "utf8");
  const section = /^\[vars\]\n([\s\S]*?)(?=^\[)/m.exec(toml);
  assert.ok(section, "wrangler.toml has a [vars] table");
  return section[1];
}

describe("settings for local development only", () => {
  it("wrangler.toml allows no localhost origins and no loopback connectors", () => {
    const vars = productionVars();
    assert.doesNotMatch(vars, /localhost|127\.0\.0\.1|\[::1\]/);
    assert.doesNotMatch(vars, /AUTOARR_ALLOW_LOOPBACK_CONNECTORS/);
  });

  it("npm start passes the Vite dev server's origins and the loopback-connector switch", () => {
    assert.deepEqual(LOCAL_DEVELOPMENT_VARS.CORS_ALLOWED_ORIGINS.split(","), ["http://127.0.0.1:5173", "http://localhost:5173"]);
    assert.equal(LOCAL_DEVELOPMENT_VARS.AUTOARR_ALLOW_LOOPBACK_CONNECTORS, "true");
  });
});
