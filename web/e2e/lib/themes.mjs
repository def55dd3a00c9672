// Shows a page in the light or the dark theme for a screenshot, as a device set to that theme sees it: the colour
// scheme the page's media queries read, the choice the header's Theme switch keeps (localStorage["autoarr.theme"],
// announced to the switch with the storage event another tab would send) and the <html data-theme> it sets.
// Undone afterwards, so the flow itself stays on the device's "System".
export const THEMES = ["light", "dark"];
export const THEME_STORAGE_KEY = "autoarr.theme";

function applyInPage({ key, stored, attribute }) {
  if (stored === null) localStorage.removeItem(key);
  else localStorage.setItem(key, stored);
  if (attribute === null) delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = attribute;
  window.dispatchEvent(new StorageEvent("storage", { key, newValue: stored, storageArea: localStorage }));
}

/** Applies `theme` and returns a function that puts the page back as it was. */
export async function showTheme(page, theme) {
  const previous = await themeState(page);
  await page.evaluate(applyInPage, { key: THEME_STORAGE_KEY, stored: theme, attribute: theme });
  await page.emulateMedia({ colorScheme: theme });
  await settled(page);
  return async () => {
    await page.emulateMedia({ colorScheme: null });
    await page.evaluate(applyInPage, { key: THEME_STORAGE_KEY, ...previous });
    await settled(page);
  };
}

/**
 * Waits until the new colours are the ones on screen: two frames (React has rendered the switch, the style is
 * applied), then the end of every CSS transition it started (Pico fades link colours, and axe must not read a colour
 * half-way). Looping animations such as skeletons are not transitions and are not waited for.
 */
function settled(page) {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const transitions = document.getAnimations().filter((animation) => animation instanceof CSSTransition);
    await Promise.race([Promise.allSettled(transitions.map((transition) => transition.finished)), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/** What the theme switch left behind: the stored choice and the attribute on <html>. */
export const themeState = (page) =>
  page.evaluate((key) => ({ stored: localStorage.getItem(key), attribute: document.documentElement.dataset.theme ?? null }), THEME_STORAGE_KEY);
