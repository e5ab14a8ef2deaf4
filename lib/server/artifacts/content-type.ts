/**
 * The Content-Type an artifact is served with. Artifacts are learner- (or anyone-) written files
 * served from the app's origin, so nothing that a browser would run is labelled as such:
 *
 * - HTML, XHTML, XML and JavaScript are served as `text/plain` (shown as text, never run);
 * - SVG keeps `image/svg+xml` so that `<img src>` shows the course's plots, and every download
 *   carries `Content-Security-Policy: sandbox` (see `DOWNLOAD_SECURITY_HEADERS`): opened directly,
 *   an SVG's scripts cannot run, and the document gets an opaque origin (no cookies, no storage);
 * - anything unknown is `application/octet-stream`, with `X-Content-Type-Options: nosniff` so
 *   that the browser never guesses a more dangerous type.
 */
const TEXT = "text/plain; charset=utf-8";

const BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: TEXT,
  log: TEXT,
  md: TEXT,
  py: TEXT,
  ts: TEXT,
  yaml: TEXT,
  yml: TEXT,
  toml: TEXT,
  cfg: TEXT,
  ini: TEXT,
  html: TEXT,
  htm: TEXT,
  xhtml: TEXT,
  xml: TEXT,
  js: TEXT,
  mjs: TEXT,
  cjs: TEXT,
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
  json: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** Files MLflow writes without an extension but that are text. */
const TEXT_FILES = new Set(["MLmodel", "MLproject", "requirements.txt", "conda.yaml", "python_env.yaml"]);

export function artifactContentType(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (TEXT_FILES.has(name)) return TEXT;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "application/octet-stream";
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? "application/octet-stream";
}

/** Sent with every artifact download, whatever its type. */
export const DOWNLOAD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
};
