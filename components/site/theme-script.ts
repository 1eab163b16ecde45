/** Runs in <head> before first paint, so the page never flashes the wrong theme. */
export const THEME_KEY = "quorum-theme";

export const themeScript = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");if(t!=="light"&&t!=="dark")t="system";var d=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.dataset.theme=t}catch(_){}})();`;

export type Theme = "system" | "light" | "dark";

export const asTheme = (value: string | null | undefined): Theme =>
  value === "light" || value === "dark" ? value : "system";

/** The reader's choice, as the script above reads it. */
export function storedTheme(): Theme {
  try {
    return asTheme(localStorage.getItem(THEME_KEY));
  } catch {
    return "system";
  }
}

/** What the script above does, for code that runs after it (or where it never ran). */
export function applyTheme(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.dataset.theme = theme;
}
