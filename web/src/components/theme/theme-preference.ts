// The theme a person picked on this device. "system" leaves <html> without data-theme so Pico follows the OS;
// index.html's inline script applies the same choice before first paint (keep the two in step).
export type ThemeChoice = "system" | "light" | "dark";

export const THEME_STORAGE_KEY = "autoarr.theme";
export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** The browser bar's colour in each theme: Pico's page background, which the sticky header also uses. */
export const THEME_COLORS = { light: "#ffffff", dark: "#13171f" } as const;

export const isThemeChoice = (value: unknown): value is ThemeChoice => value === "system" || value === "light" || value === "dark";

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

export function applyThemeChoice(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    // Each meta answers one OS scheme (its media query); a forced theme overrides both.
    const scheme = meta.media.includes("dark") ? "dark" : "light";
    meta.content = THEME_COLORS[choice === "system" ? scheme : choice];
  }
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode, quota): the choice still holds for this page.
  }
  applyThemeChoice(choice);
}
