/**
 * HTTP plumbing of the MLflow API: CORS, JSON responses, and the one place that turns any thrown
 * error into MLflow's error body `{ error_code, message }` with its status.
 */
import { TrackingError, type ErrorBody } from "@/lib/tracking/protocol";
import { isDatabaseBusy, isUniqueViolation } from "@/lib/server/db/helpers";

/**
 * Learner code runs in a WebContainer or a worker on another origin, and real MLflow clients send
 * no cookies: any origin may call, never with credentials. CORP lets cross-origin-isolated pages
 * (COEP) read the answers.
 */
export function corsHeaders(request?: Request): Record<string, string> {
  const requested = request?.headers.get("access-control-request-headers");
  return {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": requested || "Content-Type, Authorization",
    "Access-Control-Max-Age": "86400",
    "Cross-Origin-Resource-Policy": "cross-origin",
    Vary: "Access-Control-Request-Headers",
  };
}

export function preflightResponse(request: Request): Response {
  return new Response(null, { status: 204, headers: corsHeaders(request) });
}

/** Below this size a JSON answer is sent as is (the threshold of Next's own compression). */
const COMPRESSION_THRESHOLD_BYTES = 1024;

export function jsonResponse(body: unknown, status = 200, request?: Request, extraHeaders: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json",
      // Next gzips every streamed answer, however small; starting a compressor for the `{}`
      // that follows each write cost more than the write itself (bench/ingest). `no-transform`
      // is how a response opts out; answers worth compressing still are.
      ...(Buffer.byteLength(text) < COMPRESSION_THRESHOLD_BYTES ? { "Cache-Control": "no-transform" } : {}),
      ...corsHeaders(request),
      ...extraHeaders,
    },
  });
}

function asTrackingError(error: unknown): TrackingError | null {
  if (error instanceof TrackingError) return error;
  // A copy of the class from another bundle chunk still carries its code.
  if (error instanceof Error && error.name === "TrackingError" && "errorCode" in error && "httpStatus" in error) {
    return error as TrackingError;
  }
  return null;
}

/** Any error → MLflow's body and status. Unknown errors are logged here and never described to the client. */
export function errorToBody(error: unknown): { status: number; body: ErrorBody } {
  const known = asTrackingError(error);
  if (known) return { status: known.httpStatus, body: known.toJSON() };
  if (isUniqueViolation(error)) {
    const conflict = TrackingError.resourceAlreadyExists("A resource with the same unique identifier already exists.");
    return { status: conflict.httpStatus, body: conflict.toJSON() };
  }
  if (isDatabaseBusy(error)) {
    // Nothing was written: the client may send the same request again (MLflow's clients retry a 503).
    const busy = new TrackingError("TEMPORARILY_UNAVAILABLE", "The server is saturated with writes; nothing was written. Retry in a moment.");
    return { status: busy.httpStatus, body: busy.toJSON() };
  }
  console.error("[mlflow api] unexpected error", error);
  const internal = new TrackingError("INTERNAL_ERROR", "Internal server error; the details were logged on the server.");
  return { status: internal.httpStatus, body: internal.toJSON() };
}

export function errorResponse(error: unknown, request?: Request, extraHeaders: Record<string, string> = {}): Response {
  const { status, body } = errorToBody(error);
  return jsonResponse(body, status, request, extraHeaders);
}
