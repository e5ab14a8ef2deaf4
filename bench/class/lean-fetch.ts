/**
 * A `fetch` over node:http keep-alive connections, installed as the bench's global fetch, that
 * also times every request and files it under the caller's category (AsyncLocalStorage).
 *
 * Lean because the simulated class shares this machine's two cores with the server: undici's
 * fetch spent ~2.5 ms of CPU per request (bench/ingest) that the server then did not have. The
 * pages' own request builders (components/tracking/panel-data.ts) call the global fetch, so the
 * panel is simulated with the app's code, not a copy.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

export type Category = "write" | "learner read" | "panel" | "setup";

export interface Sample {
  category: Category;
  endpoint: string;
  status: number;
  /** Client-side latency (ms), request written to answer read. */
  ms: number;
  /** The server's own time in the handler (Server-Timing `app`), when it says. */
  appMs?: number;
  /** Of which waiting for SQLite's writer (Server-Timing `db-wait`), when it says. */
  waitMs?: number;
  errorCode?: string;
}

const category = new AsyncLocalStorage<Category>();

/** Runs `work` with its requests filed under `name`. */
export function asCategory<T>(name: Category, work: () => T): T {
  return category.run(name, work);
}

function timing(header: string | undefined, name: string): number | undefined {
  const match = header && new RegExp(`(?:^|,)\\s*${name};dur=([\\d.]+)`).exec(header);
  return match ? Number(match[1]) : undefined;
}

/** `/w/<id>/api/2.0/mlflow/runs/create?x` → `runs/create` (artifacts: `mlflow-artifacts/artifacts`). */
function endpointOf(pathname: string): string {
  const api = /\/api\/2\.0\/(mlflow\/)?(.*)$/.exec(pathname);
  if (!api) return pathname;
  const rest = api[2] ?? "";
  return api[1] ? rest : rest.split("/").slice(0, 2).join("/");
}

function bodyOf(body: RequestInit["body"]): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error(`lean fetch: unsupported body ${Object.prototype.toString.call(body)}`);
}

export function leanFetch(record: (sample: Sample) => void): typeof fetch {
  const agent = new http.Agent({ keepAlive: true });
  return (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const body = bodyOf(init.body);
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers).entries());
    if (body) headers["content-length"] = String(body.length);
    const filed = category.getStore() ?? "setup";
    const started = performance.now();
    const send = (resolve: (response: Response) => void, reject: (error: Error) => void): void => {
      const request = http.request(
        { hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? "GET", headers, agent, signal: init.signal ?? undefined },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks);
            const rawTiming = response.headers["server-timing"];
            const serverTiming = Array.isArray(rawTiming) ? rawTiming.join(",") : rawTiming;
            let errorCode: string | undefined;
            if (status >= 400) {
              try {
                errorCode = (JSON.parse(text.toString()) as { error_code?: string }).error_code;
              } catch {
                errorCode = undefined;
              }
            }
            record({
              category: filed,
              endpoint: endpointOf(url.pathname),
              status,
              ms: performance.now() - started,
              appMs: timing(serverTiming, "app"),
              waitMs: timing(serverTiming, "db-wait"),
              errorCode,
            });
            const responseHeaders = new Headers();
            for (const [key, value] of Object.entries(response.headers)) {
              if (typeof value === "string") responseHeaders.set(key, value);
              else if (Array.isArray(value)) for (const v of value) responseHeaders.append(key, v);
            }
            const empty = status === 204 || status === 304 || (status >= 300 && status < 400);
            resolve(new Response(empty ? null : text, { status: status < 200 ? 500 : status, headers: responseHeaders }));
          });
        },
      );
      request.on("error", (error: NodeJS.ErrnoException) => {
        // The server closed an idle keep-alive connection as this request went out on it: sent
        // again on a new one, as Node's documentation advises (nothing reached the server).
        if (request.reusedSocket && error.code === "ECONNRESET") return send(resolve, reject);
        record({ category: filed, endpoint: endpointOf(url.pathname), status: 0, ms: performance.now() - started, errorCode: error.code ?? error.message });
        reject(error);
      });
      request.end(body);
    };
    return new Promise<Response>(send);
  };
}
