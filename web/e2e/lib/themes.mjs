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
  // Two frames: React has rendered the switch and the style change is painted before anyone looks.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return async () => {
    await page.emulateMedia({ colorScheme: null });
    await page.evaluate(applyInPage, { key: THEME_STORAGE_KEY, ...previous });
  };
}

/** What the theme switch left behind: the stored choice and the attribute on <html>. */
export const themeState = (page) =>
  page.evaluate((key) => ({ stored: localStorage.getItem(key), attribute: document.documentElement.dataset.theme ?? null }), THEME_STORAGE_KEY);
