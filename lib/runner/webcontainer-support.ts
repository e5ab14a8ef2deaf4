/**
 * Can this page boot a WebContainer? Only a browser page that is cross-origin isolated (COOP
 * `same-origin` + COEP, set by next.config.mjs on the lesson pages) has SharedArrayBuffer,
 * which the WebContainer runtime needs. Being isolated is necessary, not sufficient: the
 * runtime is downloaded from StackBlitz, so offline `boot()` never settles (see
 * `WebContainerRunner`'s boot timeout).
 */
export type WebContainerUnsupportedReason = "not-a-browser" | "not-isolated" | "no-shared-array-buffer";

export type WebContainerSupport = { supported: true } | { supported: false; reason: WebContainerUnsupportedReason };

interface PageLike {
  window?: unknown;
  document?: unknown;
  crossOriginIsolated?: boolean;
  SharedArrayBuffer?: unknown;
}

export function detectWebContainerSupport(page: PageLike = globalThis as PageLike): WebContainerSupport {
  if (typeof page.window === "undefined" || typeof page.document === "undefined") return { supported: false, reason: "not-a-browser" };
  if (page.crossOriginIsolated !== true) return { supported: false, reason: "not-isolated" };
  if (typeof page.SharedArrayBuffer !== "function") return { supported: false, reason: "no-shared-array-buffer" };
  return { supported: true };
}
