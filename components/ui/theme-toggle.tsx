"use client";

import { useEffect, useState } from "react";
import { THEME_STORAGE_KEY } from "./theme-script";

type Theme = "light" | "dark";

/** What the inline script decided. */
function currentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

/**
 * Light/dark switch. The stylesheet's `dark:` variant follows the `dark` class on <html>, which
 * THEME_SCRIPT sets before the first paint; this button flips and remembers it.
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);

  useEffect(() => setTheme(currentTheme()), []);
  useEffect(() => {
    if (theme) document.documentElement.classList.toggle("dark", theme === "dark");
  }, [theme]);

  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      onClick={() => {
        window.localStorage.setItem(THEME_STORAGE_KEY, next);
        setTheme(next);
      }}
      aria-label={theme === "dark" ? "Passer au thème clair" : "Passer au thème sombre"}
      aria-pressed={theme === "dark"}
      className="rounded px-1.5 py-1 hover:bg-white/10 sm:px-2"
    >
      <span aria-hidden="true">{theme === "dark" ? "☀" : "☾"}</span>
    </button>
  );
}
