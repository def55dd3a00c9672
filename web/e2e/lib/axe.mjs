// Runs axe-core in the page and returns its serious and critical violations as readable lines.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Evaluated through the DevTools protocol rather than added as a <script>: the app's CSP refuses inline scripts.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function seriousViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    // For contrast, axe's own message holds the two colours and the ratio it measured.
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      targets: nodes.map((node) => `${node.target.join(" ")}${id === "color-contrast" && node.any[0]?.message ? ` (${node.any[0].message})` : ""}`),
    }));
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.targets.slice(0, 3).join(", ")}`);
}
