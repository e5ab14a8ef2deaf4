/**
 * The origin the visitor's browser sees (`https://cours.example.org`), for redirects, the cookie's
 * `Secure` flag, the resume link and the tracking URI. Next builds `request.url` from its own
 * listening address (`http://localhost:<port>`), which is wrong as soon as the visitor typed
 * anything else (127.0.0.1, a real hostname, a proxy in front).
 *
 * In order of trust: `CUVEE_PUBLIC_URL`; with `CUVEE_TRUST_PROXY` (1 or more), `X-Forwarded-Host`
 * and `X-Forwarded-Proto` as the outermost proxy set them (any client can send those, so they
 * count only behind a proxy that sets them); else the request's own `Host` header, over http.
 */

export interface OriginSettings {
  /** CUVEE_PUBLIC_URL's origin, already validated. */
  publicUrl: string | null;
  /**
   * CUVEE_TRUST_PROXY: how many reverse proxies stand in front of the app and set X-Forwarded-*
   * (0: none, the headers are ignored).
   */
  trustedProxies: number;
}

/** A hostname or IPv4 (letters, digits, dots, dashes) or a bracketed IPv6, with an optional port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

export function parsePublicUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`CUVEE_PUBLIC_URL must be an absolute http(s) URL such as https://cours.example.org, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`CUVEE_PUBLIC_URL must start with http:// or https://, got "${raw}"`);
  }
  return url.origin;
}

export function parseTrustProxy(raw: string | undefined): number {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "false") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`CUVEE_TRUST_PROXY must be the number of reverse proxies in front of the app (0, 1, 2…), got "${raw}"`);
  }
  return hops;
}

export function originSettings(env: Readonly<Record<string, string | undefined>> = process.env): OriginSettings {
  return { publicUrl: parsePublicUrl(env.CUVEE_PUBLIC_URL), trustedProxies: parseTrustProxy(env.CUVEE_TRUST_PROXY) };
}

/** The first value of a header a chain of proxies may have appended to (`a, b`). */
function firstValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

/**
 * The public origin (`scheme://host[:port]`, no trailing slash), or null when the request gives
 * no usable host: callers then answer with a relative `Location`, which the browser resolves
 * against the address it used.
 */
export function publicOrigin(headers: Headers, settings: OriginSettings = originSettings()): string | null {
  if (settings.publicUrl) return settings.publicUrl;
  if (settings.trustedProxies > 0) {
    const host = firstValue(headers.get("x-forwarded-host"));
    const proto = firstValue(headers.get("x-forwarded-proto"))?.toLowerCase();
    if (host && HOST.test(host)) return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
  }
  const host = headers.get("host")?.trim();
  return host && HOST.test(host) ? `http://${host.toLowerCase()}` : null;
}

/** The absolute URL of a same-origin path (`/cours`), or the path itself when the origin is unknown. */
export function publicUrlOf(path: string, origin: string | null): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`not an origin-relative path: ${path}`);
  // Concatenated, not `new URL(path, origin)`: a path is never allowed to change the origin.
  return origin ? `${origin}${path}` : path;
}

/** The cookie goes over https only when the visitor reaches the app over https. */
export function isSecureOrigin(origin: string | null): boolean {
  return origin?.startsWith("https://") ?? false;
}
