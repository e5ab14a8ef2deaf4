/**
 * A raw HTTP client for the reliability suite: node:http sends the path exactly as drawn (fetch's
 * URL parser would resolve dot segments and re-encode escapes), on keep-alive connections, with a
 * deadline so that a frozen server shows up as a failure instead of a hung run.
 */
import http from "node:http";

export interface RawResponse {
  /** 0 when no answer came (connection error, deadline). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Why there is no answer. */
  error?: string;
}

export function rawClient(baseUrl: string, { timeoutMs = 30_000, maxSockets = 8 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<RawResponse> => {
    const first = await sendOnce(method, path, headers, body);
    // A kept-alive connection the server closed while idle fails on reuse: Node's documented
    // answer is to send again once (`request.reusedSocket`). A dead server fails the retry too.
    return first.staleSocket ? sendOnce(method, path, headers, body) : first;
  };
  const sendOnce = (method: string, path: string, headers: Record<string, string>, body?: Uint8Array): Promise<RawResponse & { staleSocket?: boolean }> =>
    new Promise((resolve) => {
      let settled = false;
      const done = (response: RawResponse & { staleSocket?: boolean }) => {
        if (settled) return;
        settled = true;
        resolve(response);
      };
      let request: http.ClientRequest;
      try {
        request = http.request({ hostname, port, path, method, agent, headers: { ...headers, ...(body ? { "Content-Length": String(body.byteLength) } : {}) } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on("error", (error) => done({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message }));
        });
      } catch (error) {
        // The client itself refused the request (e.g. a character Node will not put on the wire).
        done({ status: -1, headers: {}, body: Buffer.alloc(0), error: error instanceof Error ? error.message : String(error) });
        return;
      }
      request.setTimeout(timeoutMs, () => {
        request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
      });
      request.on("error", (error: NodeJS.ErrnoException) =>
        done({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.message, staleSocket: request.reusedSocket && error.code === "ECONNRESET" }),
      );
      request.end(body);
    });
  /** JSON helper for set-up code: throws on anything but 200. */
  const json = async (method: string, path: string, payload?: unknown, headers: Record<string, string> = {}): Promise<any> => {
    const body = payload === undefined ? undefined : new TextEncoder().encode(JSON.stringify(payload));
    const response = await send(method, path, { ...(body ? { "Content-Type": "application/json" } : {}), ...headers }, body);
    if (response.status !== 200) throw new Error(`${method} ${path}: HTTP ${response.status} ${response.error ?? response.body.toString("utf8").slice(0, 300)}`);
    const text = response.body.toString("utf8");
    return text === "" ? {} : JSON.parse(text);
  };
  return { send, json, close: () => agent.destroy() };
}

export type RawClient = ReturnType<typeof rawClient>;
