// Saves each screen at phone and desktop size into web/e2e/screenshots/ and checks it with axe at both sizes.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seriousViolations } from "./axe.mjs";

export const SCREENSHOT_DIR = fileURLToPath(new URL("../screenshots/", import.meta.url));
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 800 };

mkdirSync(SCREENSHOT_DIR, { recursive: true });

export async function captureScreen(page, name, { axe = true } = {}) {
  for (const [label, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${label}.png`, fullPage: true });
    if (axe) assert.deepEqual(await seriousViolations(page), [], `axe found serious or critical violations on ${name} (${label})`);
  }
  await page.setViewportSize(PHONE);
}
