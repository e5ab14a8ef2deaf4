/**
 * Inside the sandbox worker, `fetch` reaches only the run's tracking URI and never sends
 * credentials. The sandbox frame's CSP (`connect-src`, sandbox-frame.ts) already refuses other
 * URLs, and its opaque origin already carries no Cuvée cookie: this wrapper says so in French,
 * where the browser would only say "Failed to fetch", and keeps `credentials: "omit"` even if a
 * browser treated the opaque origin differently. See docs/decisions/010.
 */

export function networkRefusal(url: string, trackingUri: string): string {
  return (
    `Requête refusée vers ${url} : le code exécuté dans le bac à sable ne peut joindre que le serveur de suivi ` +
    `de votre espace (${trackingUri}). Les autres adresses, y compris les pages et l'API de Cuvée, lui sont fermées.`
  );
}

/** Whether `url` is the tracking URI or under it (the REST API, the artifacts). */
export function isUnderTrackingUri(url: URL, trackingUri: string): boolean {
  const base = new URL(trackingUri);
  const prefix = base.pathname.replace(/\/+$/, "");
  return url.origin === base.origin && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
}

type Fetch = typeof fetch;

export function restrictFetch(scope: { fetch: Fetch }, trackingUri: string): void {
  const original = scope.fetch.bind(scope);
  const restricted: Fetch = (input, init) => {
    const raw = input instanceof Request ? input.url : String(input);
    let url: URL;
    try {
      url = new URL(raw, trackingUri);
    } catch {
      return Promise.reject(new TypeError(networkRefusal(raw, trackingUri)));
    }
    if (!isUnderTrackingUri(url, trackingUri)) return Promise.reject(new TypeError(networkRefusal(url.href, trackingUri)));
    const request = new Request(input instanceof Request ? input : url.href, init);
    return original(asSimpleRequest(new Request(request, { credentials: "omit" })));
  };
  Object.defineProperty(scope, "fetch", { configurable: false, enumerable: true, writable: false, value: restricted });
}

/**
 * A JSON `POST` sent as `text/plain`, which makes it a CORS "simple" request: no preflight.
 * The worker's opaque origin makes every tracking call cross-origin, and Chromium keeps no
 * preflight cache for an opaque origin's requests, so each JSON `POST` (every SDK write) cost a
 * second round trip (bench/run-loop: a POST's overhead beyond the server's time was ~1.5× a
 * GET's). The tracking server reads the body as JSON whatever its type (MLflow does too,
 * tests/integration/transport.test.ts); the body itself is untouched. Other methods (PATCH,
 * DELETE) cannot be simple and keep their preflight.
 */
export function asSimpleRequest(request: Request): Request {
  const type = request.headers.get("content-type");
  if (request.method !== "POST" || type === null || !/^application\/json\b/i.test(type)) return request;
  const headers = new Headers(request.headers);
  headers.set("content-type", "text/plain;charset=UTF-8");
  return new Request(request, { headers });
}
