/** Names of the editor's themes (defined in monaco-setup.ts), apart so the editor can name them without loading Monaco's setup. */
export const EDITOR_THEMES = { light: "cuvee-light", dark: "cuvee-dark" } as const;
