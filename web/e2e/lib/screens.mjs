// Saves each screen at phone and desktop size, in the light and the dark theme, into web/e2e/screenshots/ as
// <name>-<size>-<theme>.png, and checks each of the four with axe (no serious or critical violation; axe's
// color-contrast rule is serious, so this is also the AA contrast check of both themes) and each size for a page
// wider than the window (a phone that scrolls sideways).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seriousViolations } from "./axe.mjs";
import { horizontalOverflow } from "./layout-assertions.mjs";
import { showTheme, THEMES } from "./themes.mjs";

export const SCREENSHOT_DIR = fileURLToPath(new URL("../screenshots/", import.meta.url));
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
export const SIZES = [
  ["phone", PHONE],
  ["desktop", DESKTOP],
];

mkdirSync(SCREENSHOT_DIR, { recursive: true });

export async function captureScreen(page, name, { axe = true } = {}) {
  const violations = [];
  const overflows = [];
  // All four pictures first, then the assertions, naming every size and theme that failed.
  for (const [size, viewport] of SIZES) {
    await page.setViewportSize(viewport);
    // The pointer off every control (in the header bar's empty top edge), so no hover left by the last click shows.
    await page.mouse.move(viewport.width / 2, 0);
    await page.waitForTimeout(150);
    for (const theme of THEMES) {
      const restore = await showTheme(page, theme);
      try {
        await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${size}-${theme}.png`, fullPage: true });
        if (axe) for (const violation of await seriousViolations(page)) violations.push(`${size} ${theme}: ${violation}`);
        if (theme === THEMES[0]) for (const overflow of await horizontalOverflow(page)) overflows.push(`${size}: ${overflow}`);
      } finally {
        await restore();
      }
    }
  }
  await page.setViewportSize(PHONE);
  assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}`);
  assert.deepEqual(overflows, [], `${name} scrolls sideways`);
}
