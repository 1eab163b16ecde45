"use client";

import { useEffect, useId, useState } from "react";
import { type Theme, THEME_KEY, applyTheme as apply, asTheme, storedTheme } from "./theme-script";

const THEMES: { value: Theme; label: string; icon: string }[] = [
  { value: "system", label: "Auto", icon: "◐" },
  { value: "light", label: "Light", icon: "☀" },
  { value: "dark", label: "Dark", icon: "☾" },
];

/** Tells every switcher on the page (the header's and the phone menu's) what was chosen. */
const THEME_EVENT = "quorum-theme-change";

/** Light, dark, or follow the system; the choice is kept in localStorage. */
export function ThemeSwitcher() {
  const [theme, setTheme] = useState<Theme | null>(null);
  const name = useId();

  useEffect(() => {
    const read = () => setTheme(asTheme(document.documentElement.dataset.theme));
    // The theme script set the document's theme before the first paint; if React has since
    // rendered <html> afresh (it does after an error while hydrating), that is gone: set it again.
    if (!document.documentElement.dataset.theme) apply(storedTheme());
    read();
    window.addEventListener(THEME_EVENT, read);
    return () => window.removeEventListener(THEME_EVENT, read);
  }, []);

  useEffect(() => {
    if (theme !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, [theme]);

  const choose = (next: Theme) => {
    setTheme(next);
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
    apply(next);
    window.dispatchEvent(new Event(THEME_EVENT));
  };

  return (
    <fieldset className="flex items-center rounded-full border border-line bg-surface p-0.5 text-xs">
      <legend className="sr-only">Colour theme</legend>
      {THEMES.map(({ value, label, icon }) => (
        <label
          key={value}
          title={label}
          className="cursor-pointer rounded-full px-2 py-1 sm:px-2.5 text-muted has-checked:bg-accent has-checked:text-accent-ink has-focus-visible:outline-2 has-focus-visible:outline-accent"
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={theme === value}
            onChange={() => choose(value)}
            className="sr-only"
          />
          <span aria-hidden="true" className="sm:hidden">
            {icon}
          </span>
          <span className="sr-only sm:not-sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
