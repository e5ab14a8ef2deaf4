/**
 * Answers about the request line itself (path and query string), given before any endpoint is
 * looked up: a path that cannot be percent-decoded, a query string over the limit, a path no
 * endpoint serves. Under the API prefixes each is MLflow's `{ error_code, message }`, so that a
 * client's mistake is never Next's HTML page or plain-text 500.
 */
import { TrackingError } from "@/lib/tracking/protocol";
import { errorResponse } from "./http";

/**
 * The longest query string the API reads, in bytes (after `?`, still percent-encoded). GET
 * endpoints take a few ids and a filter: 100 run ids of `metrics/get-history-bulk-interval`
 * need about 4 KB. Node refuses a whole header block over `--max-http-header-size` (16 KB by
 * default, raised by `npm start`) with an empty 431 before the app sees it; between this limit
 * and that one, the client gets MLflow's error.
 */
export const MAX_QUERY_STRING_BYTES = 8192;

/** The URL prefixes that answer MLflow-shaped JSON: `/api/…` and a workspace's `/w/<id>/api/…`. */
export function isApiPath(pathname: string): boolean {
  return /^\/api(\/|$)/.test(pathname) || /^\/w\/[^/]+\/api(\/|$)/.test(pathname);
}

/** Whether Next can decode the path (its router answers a plain-text 500 when it cannot). */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** For a path that cannot be decoded: 400, MLflow's error under the API, a French line elsewhere. */
export function malformedPathResponse(request: Request): Response {
  const { pathname } = new URL(request.url);
  if (!isApiPath(pathname)) {
    return new Response("Adresse invalide : un caractère encodé avec « % » y est mal formé.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const shown = pathname.length > 300 ? `${pathname.slice(0, 300)}…` : pathname;
  return errorResponse(
    TrackingError.invalidParameterValue(`The request path '${shown}' is not valid percent-encoding (a '%' must start a UTF-8 byte such as %2F).`),
    request,
  );
}

/** 414 when the query string is over `MAX_QUERY_STRING_BYTES`; null when it is not. */
export function overlongQueryResponse(request: Request): Response | null {
  const query = request.url.indexOf("?");
  // The URL is ASCII (percent-encoded), so its length is its size in bytes.
  const length = query === -1 ? 0 : request.url.length - query - 1;
  if (length <= MAX_QUERY_STRING_BYTES) return null;
  return errorResponse(
    new TrackingError("REQUEST_LIMIT_EXCEEDED", `The query string is ${length} bytes long; the limit is ${MAX_QUERY_STRING_BYTES} bytes.`, {
      // MLflow's status for this code is 429 (too many requests); this is a URI too long.
      httpStatus: 414,
    }),
    request,
  );
}

/** 404 ENDPOINT_NOT_FOUND, as the dispatcher answers for an unknown path under its prefix. */
export function endpointNotFoundResponse(request: Request): Response {
  const { pathname } = new URL(request.url);
  const shown = pathname.length > 300 ? `${pathname.slice(0, 300)}…` : pathname;
  return errorResponse(new TrackingError("ENDPOINT_NOT_FOUND", `No API endpoint at ${request.method} ${shown}`), request);
}
