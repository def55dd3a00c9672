// Geometry checks of the rough edges issue #22 found by eye, measured in the page. Each returns the problems it
// saw as readable lines (an empty list is a pass), so a failing assertion says what was cut and where.

/**
 * Every line box of each row's message is either wholly visible or wholly hidden: none is cut through by the box
 * that clips it (a line clamp whose height does not match its lines, a fixed row height) or by the row itself.
 * Lines are the message's `Range.getClientRects()`; the clip is the intersection of every clipping ancestor up to
 * and including the row.
 */
export function cutMessageLines(page, { rows, message }) {
  return page.evaluate(
    ({ rows, message }) => {
      const problems = [];
      const found = [...document.querySelectorAll(rows)];
      if (found.length === 0) return [`no rows match ${rows}`];
      for (const [index, row] of found.entries()) {
        const text = row.querySelector(message);
        if (!text) {
          problems.push(`row ${index} has no ${message}`);
          continue;
        }
        const clip = row.getBoundingClientRect();
        let top = clip.top;
        let bottom = clip.bottom;
        for (let node = text; node && node !== row.parentElement; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (style.overflowY !== "visible" || style.overflow === "clip" || node === row) {
            const box = node.getBoundingClientRect();
            top = Math.max(top, box.top);
            bottom = Math.min(bottom, box.bottom);
          }
        }
        const range = document.createRange();
        range.selectNodeContents(text);
        const lines = [...range.getClientRects()].filter((line) => line.width > 0 && line.height > 0);
        if (lines.length === 0) problems.push(`row ${index}: its message has no line boxes`);
        if (!lines.some((line) => line.top >= top - 1 && line.bottom <= bottom + 1)) problems.push(`row ${index}: no line of its message is visible`);
        for (const line of lines) {
          const inside = line.top >= top - 1 && line.bottom <= bottom + 1;
          const outside = line.bottom <= top + 1 || line.top >= bottom - 1;
          if (!inside && !outside) {
            problems.push(
              `row ${index} (“${text.textContent.slice(0, 40)}…”): a line at ${line.top.toFixed(1)}–${line.bottom.toFixed(1)} is cut by the clip ${top.toFixed(1)}–${bottom.toFixed(1)}`,
            );
            break;
          }
        }
      }
      return problems;
    },
    { rows, message },
  );
}

/**
 * The primary navigation's first link, and its text, start inside the viewport and line up with the main content's
 * left edge (its content box) within `tolerance` px.
 */
export function navStartProblems(page, { tolerance = 4 } = {}) {
  return page.evaluate((tolerance) => {
    const link = document.querySelector('nav[aria-label="Main"] a');
    const main = document.querySelector("main");
    if (!link || !main) return ["no main navigation link or no <main>"];
    const range = document.createRange();
    range.selectNodeContents(link);
    const textLeft = Math.min(...[...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.left));
    const linkLeft = link.getBoundingClientRect().left;
    const mainLeft = main.getBoundingClientRect().left + Number.parseFloat(getComputedStyle(main).paddingLeft);
    const problems = [];
    if (linkLeft < 0) problems.push(`the first link starts at x = ${linkLeft.toFixed(1)}, left of the page`);
    if (textLeft < 0) problems.push(`the first link's text starts at x = ${textLeft.toFixed(1)}, left of the page`);
    if (Math.abs(textLeft - mainLeft) > tolerance)
      problems.push(`the first link starts at x = ${textLeft.toFixed(1)}, main's content at x = ${mainLeft.toFixed(1)}`);
    return problems;
  }, tolerance);
}

/** Images under `scope` that finished loading without a picture (the browser's broken-image box). */
export function brokenImages(page, scope = "main") {
  return page.evaluate(
    (scope) => [...document.querySelectorAll(`${scope} img`)].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.currentSrc || img.src),
    scope,
  );
}

/** Images under `scope` still loading: wait for none before judging posters. */
export function loadingImages(page, scope = "main") {
  return page.evaluate((scope) => [...document.querySelectorAll(`${scope} img`)].filter((img) => !img.complete).length, scope);
}

/** The page scrolls sideways: it is wider than the viewport. Names the elements that reach furthest right. */
export function horizontalOverflow(page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= viewport + 1) return [];
    const name = (element) => {
      const labelledBy = element.getAttribute("aria-labelledby");
      const label = labelledBy ? document.getElementById(labelledBy)?.textContent.trim() : null;
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${[...element.classList].map((token) => `.${token}`).join("")}${label ? ` “${label}”` : ""}`;
    };
    const offenders = [...document.body.querySelectorAll("*")]
      .map((element) => ({ element, right: element.getBoundingClientRect().right }))
      .filter(({ element, right }) => right > viewport + 1 && !(element.parentElement && element.parentElement.getBoundingClientRect().right > viewport + 1))
      .sort((a, b) => b.right - a.right)
      .slice(0, 3)
      .map(({ element, right }) => `${name(element)} (to x = ${Math.round(right)})`);
    return [`the page is ${width} px wide in a ${viewport} px viewport: ${offenders.join(", ")}`];
  });
}
