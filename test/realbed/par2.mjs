// PAR2 recovery files for a release, made by par2cmdline (the `par2` SABnzbd itself repairs with), as posters add them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** @returns {string | null} */
export function par2Binary() {
  return spawnSync("sh", ["-c", "command -v par2"], { encoding: "utf8" }).stdout.trim() || null;
}

/**
 * Returns `<name>.par2` and its `.volNN+MM.par2` recovery files for `files`, or null when par2 is not on PATH.
 * @param {{ name: string, files: Array<{ name: string, content: Buffer }>, redundancyPercent?: number, blockSize?: number }} options
 * @returns {Array<{ name: string, content: Buffer }> | null}
 */
export function par2Files({ name, files, redundancyPercent = 5, blockSize = 4096 }) {
  const binary = par2Binary();
  if (!binary) return null;
  const dir = mkdtempSync(join(tmpdir(), "autoarr-par2-"));
  try {
    for (const file of files) writeFileSync(join(dir, file.name), file.content);
    const result = spawnSync(
      binary,
      ["create", "-q", "-q", `-r${redundancyPercent}`, `-s${blockSize}`, "-n1", `${name}.par2`, ...files.map((file) => file.name)],
      { cwd: dir, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`par2 create failed (${result.status}): ${result.stderr || result.stdout}`);
    const own = new Set(files.map((file) => file.name));
    return readdirSync(dir)
      .filter((entry) => !own.has(entry) && entry.endsWith(".par2"))
      .sort()
      .map((entry) => ({ name: entry, content: readFileSync(join(dir, entry)) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
