/**
 * Methods Next.js cannot route. A route handler exports functions for GET, HEAD, OPTIONS, POST,
 * PUT, DELETE and PATCH, and Next answers 405 for any of those a route lacks; but a request with
 * another method (TRACE, CONNECT) makes Next itself throw, a plain-text 500, before any code of
 * ours runs. Such requests are answered here, at the Node server, with the 405 the dispatcher gives
 * a wrong method (`ENDPOINT_NOT_FOUND`, as MLflow's Flask server); TRACE, which only echoes a
 * request back, is never served (cross-site tracing).
 *
 * `installUnroutableMethodGuard()` is called once at start-up by instrumentation.ts, which is the
 * only code that runs before Next's request handler.
 */
import http from "node:http";
import https from "node:https";

/** The methods Next.js route handlers can be written for (node_modules/next, HTTP_METHODS). */
export const ROUTABLE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);

const INSTALLED = Symbol.for("cuvee.unroutableMethodGuard");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/** Answers a request Next cannot route; returns whether it did. */
export function answerUnroutableMethod(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const method = (request.method ?? "").toUpperCase();
  if (ROUTABLE_METHODS.has(method)) return false;
  const body = JSON.stringify({ error_code: "ENDPOINT_NOT_FOUND", message: `Method ${method} is not allowed on this server` });
  const answer = () => {
    response.writeHead(405, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Allow: [...ROUTABLE_METHODS].join(", ") });
    response.end(body);
  };
  // Answer once the client has sent its body (discarded as it arrives, never buffered): answering
  // first would reset a client still writing, which then sees no answer at all.
  request.once("end", answer);
  request.once("error", () => response.destroy());
  request.resume();
  return true;
}

export function installUnroutableMethodGuard(): void {
  for (const server of [http.Server, https.Server]) {
    const prototype = server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event, ...args) {
      if (event === "request" && answerUnroutableMethod(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
      return emit.call(this, event, ...args);
    };
    prototype[INSTALLED] = true;
  }
}
