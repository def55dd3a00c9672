// The header's theme picker: System, Light or Dark, kept per device and followed by the other open tabs.
import { useEffect, useId, useState } from "react";
import { isThemeChoice, readThemeChoice, saveThemeChoice, THEME_CHOICES, THEME_STORAGE_KEY, applyThemeChoice, type ThemeChoice } from "./theme-preference";

export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  const id = useId();

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== THEME_STORAGE_KEY) return;
      const next = isThemeChoice(event.newValue) ? event.newValue : "system";
      setChoice(next);
      applyThemeChoice(next);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  return (
    <span className="theme-switch">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          setChoice(next);
          saveThemeChoice(next);
        }}
      >
        {THEME_CHOICES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
