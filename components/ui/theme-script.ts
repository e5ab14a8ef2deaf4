/** Where the visitor's light/dark choice is kept. */
export const THEME_STORAGE_KEY = "cuvee:theme";

/**
 * Runs while the HTML is parsed, before the first paint (Next's "preventing flash before
 * hydration" guide): the visitor's choice, else the system's preference, sets the `dark` class.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.toggle("dark",t==="dark")}catch(e){}`;
