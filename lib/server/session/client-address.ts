/**
 * Who is asking, for per-client limits: the address of the TCP peer, or, behind N trusted proxies
 * (`CUVEE_TRUST_PROXY=N`), the address the outermost of them saw: the N-th entry of
 * `X-Forwarded-For` counted from the right. Proxies append to that header, so everything left of
 * that entry was written by the client and is not believed (a forged `X-Forwarded-For: 1.2.3.4`
 * sent through one proxy arrives as `1.2.3.4, <real address>`).
 *
 * Route handlers never see the socket, and Next fills `X-Forwarded-For` with the peer's address
 * only when the client did not send one itself, so that header alone can be forged by anyone.
 * `installSocketAddressStamp()` (called once at start-up by instrumentation.ts) therefore writes
 * the peer's address into a header of our own on every incoming request, replacing any value a
 * client sent.
 */
import http from "node:http";
import https from "node:https";

export const SOCKET_ADDRESS_HEADER = "x-cuvee-socket-address";

const INSTALLED = Symbol.for("cuvee.socketAddressStamp");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

export function installSocketAddressStamp(): void {
  for (const server of [http.Server, https.Server]) {
    const prototype = server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event, ...args) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage | undefined;
        if (request?.headers) request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
    prototype[INSTALLED] = true;
  }
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

/**
 * The client's address, or `unknown` when there is none (the stamp not installed): all such
 * requests then share one allowance, which errs on the safe side.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
    // Fewer entries than proxies: the request skipped a proxy; the first entry is the best there is.
    const seen = hops[Math.max(0, hops.length - trustedProxies)];
    if (seen) return normalise(seen);
  }
  const socket = headers.get(SOCKET_ADDRESS_HEADER);
  return socket ? normalise(socket) : "unknown";
}
