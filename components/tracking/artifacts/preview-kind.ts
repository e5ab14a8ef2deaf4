/**
 * How the artifact viewer shows a file, from its name. SVG and HTML are learner- (or anyone-)
 * written markup: they are only ever shown sandboxed (an `<img>` for SVG, whose scripts never
 * run; an `<iframe sandbox>` without `allow-scripts` for HTML), never inlined in the page.
 */
export type PreviewKind = "text" | "json" | "csv" | "yaml" | "image" | "svg" | "html" | "none";

/** Larger files are offered for download only: the browser would choke on them as text. */
export const MAX_TEXT_PREVIEW_BYTES = 2 * 1024 * 1024;

const BY_EXTENSION: Readonly<Record<string, PreviewKind>> = {
  txt: "text",
  log: "text",
  md: "text",
  py: "text",
  ts: "text",
  js: "text",
  toml: "text",
  cfg: "text",
  ini: "text",
  json: "json",
  csv: "csv",
  tsv: "csv",
  yaml: "yaml",
  yml: "yaml",
  png: "image",
  jpg: "image",
  jpeg: "image",
  gif: "image",
  webp: "image",
  svg: "svg",
  html: "html",
  htm: "html",
};

/** MLflow's extension-less files, all YAML or plain text. */
const KNOWN_NAMES: Readonly<Record<string, PreviewKind>> = {
  MLmodel: "yaml",
  MLproject: "yaml",
  "requirements.txt": "text",
};

export function previewKind(name: string): PreviewKind {
  const known = KNOWN_NAMES[name];
  if (known) return known;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "none";
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? "none";
}

/** Kinds whose bytes the viewer fetches and renders as text (escaped by React). */
export function isTextual(kind: PreviewKind): boolean {
  return kind === "text" || kind === "json" || kind === "csv" || kind === "yaml" || kind === "html";
}
