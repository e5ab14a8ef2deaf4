/** The learner's workspace travels in this httpOnly cookie; the resume link carries the same id. */
export const WORKSPACE_COOKIE = "cuvee_ws";

export const WORKSPACE_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  // A year: the course takes weeks; the resume link restores it on another browser.
  maxAge: 60 * 60 * 24 * 365,
} as const;

/** Only same-site paths are followed after a redirect through the session route. */
export function safeNextPath(next: string | null | undefined, fallback = "/cours"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
