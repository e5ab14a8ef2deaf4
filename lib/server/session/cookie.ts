/** The learner's workspace travels in this httpOnly cookie; the resume link carries the same id. */
export const WORKSPACE_COOKIE = "cuvee_ws";

/** `secure` when the visitor reaches the app over https (see public-origin.ts). */
export function workspaceCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    // A year: the course takes weeks; the resume link restores it on another browser.
    maxAge: 60 * 60 * 24 * 365,
  } as const;
}

/** Any origin will do: it only tells whether parsing `next` left it. */
const PROBE_ORIGIN = "http://next.cuvee.invalid";
const MAX_NEXT_LENGTH = 2048;

/**
 * Only same-origin paths are followed after a redirect through the session route; anything else
 * gives `fallback`. Returns the path as the URL parser normalised it.
 *
 * Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.com` and `/\evil.com`
 * are `//evil.com`, another host: such characters are refused outright, then the parsed URL must
 * still be on the probe origin and its path must not start with `//` (`/.//evil.com` parses to
 * the path `//evil.com`).
 */
export function safeNextPath(next: string | null | undefined, fallback = "/cours"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > MAX_NEXT_LENGTH) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}
