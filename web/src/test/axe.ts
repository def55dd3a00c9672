import axe from "axe-core";

// jsdom has no layout, so colour contrast is left to the end-to-end run in a real browser.
export async function seriousAxeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help}`);
}
