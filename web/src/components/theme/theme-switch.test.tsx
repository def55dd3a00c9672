import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ThemeSwitch } from "./theme-switch";
import { THEME_STORAGE_KEY } from "./theme-preference";

const root = document.documentElement;
const webFile = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../..", name), "utf8");
const indexHtml = webFile("index.html");
const bootScript = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? "");

function addThemeColorMetas() {
  for (const media of ["(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]) {
    const meta = document.createElement("meta");
    meta.name = "theme-color";
    meta.media = media;
    meta.content = "unset";
    document.head.append(meta);
  }
}
const themeColors = () => [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map((meta) => meta.content);

afterEach(() => {
  delete root.dataset.theme;
  for (const meta of document.querySelectorAll('meta[name="theme-color"]')) meta.remove();
});

describe("Theme switch", () => {
  it("starts at System with nothing stored, and keeps Dark, then Light, on this device as <html data-theme>", () => {
    addThemeColorMetas();
    render(<ThemeSwitch />);
    const select = screen.getByLabelText<HTMLSelectElement>("Theme");
    expect(select.value).toBe("system");
    expect([...select.options].map((option) => option.text)).toEqual(["System", "Light", "Dark"]);

    fireEvent.change(select, { target: { value: "dark" } });
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("dark");
    expect(root.dataset.theme).toBe("dark");
    expect(themeColors()).toEqual(["#13171f", "#13171f"]);

    fireEvent.change(select, { target: { value: "light" } });
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("light");
    expect(root.dataset.theme).toBe("light");
    expect(themeColors()).toEqual(["#ffffff", "#ffffff"]);
  });

  it("removes the attribute for System, so Pico follows the OS, and gives each scheme its own bar colour back", () => {
    addThemeColorMetas();
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    root.dataset.theme = "dark";
    render(<ThemeSwitch />);
    const select = screen.getByLabelText<HTMLSelectElement>("Theme");
    expect(select.value).toBe("dark");
    fireEvent.change(select, { target: { value: "system" } });
    expect(root.hasAttribute("data-theme")).toBe(false);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe("system");
    expect(themeColors()).toEqual(["#ffffff", "#13171f"]);
  });

  it("follows a choice made in another tab", () => {
    render(<ThemeSwitch />);
    localStorage.setItem(THEME_STORAGE_KEY, "light");
    fireEvent(window, new StorageEvent("storage", { key: THEME_STORAGE_KEY, newValue: "light" }));
    expect(screen.getByLabelText<HTMLSelectElement>("Theme").value).toBe("light");
    expect(root.dataset.theme).toBe("light");
  });
});

describe("index.html's theme script (before first paint)", () => {
  const run = () => new Function(bootScript[0] ?? "")();

  it("is the page's only inline script, and public/_headers allows exactly its sha256", () => {
    expect(bootScript).toHaveLength(1);
    const headers = webFile("public/_headers");
    const scriptSrc = headers.match(/script-src ([^;]+);/)?.[1]?.split(" ");
    const hash = createHash("sha256")
      .update(bootScript[0] ?? "")
      .digest("base64");
    expect(scriptSrc).toEqual(["'self'", `'sha256-${hash}'`]);
  });

  it("applies a stored Light or Dark and leaves System (or junk) to the OS", () => {
    addThemeColorMetas();
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    run();
    expect(root.dataset.theme).toBe("dark");
    expect(themeColors()).toEqual(["#13171f", "#13171f"]);
    delete root.dataset.theme;
    for (const stored of ["system", "purple"]) {
      localStorage.setItem(THEME_STORAGE_KEY, stored);
      run();
      expect(root.hasAttribute("data-theme")).toBe(false);
    }
  });
});
