/**
 * Sends a seed's requests to a server and tallies the answers: counts by status and by family,
 * every 5xx (and every request that got no answer) with what reproduces it: the seed and index,
 * method, path and the start of the body.
 */
import type { FuzzFixture, FuzzRequest } from "./fuzz";
import { fuzzRequest } from "./fuzz";
import type { RawClient, RawResponse } from "./http";
import { known5xx } from "./known-5xx";

export interface Failure {
  index: number;
  family: string;
  method: string;
  path: string;
  body: string;
  status: number;
  answer: string;
  /** The KNOWN_5XX entry that excuses it, if any. */
  known?: string;
}

export interface FuzzReport {
  seed: number;
  count: number;
  byStatus: Record<string, number>;
  byFamily: Record<string, Record<string, number>>;
  /** 5xx answers and requests without an answer. */
  failures: Failure[];
  unexpected: Failure[];
  seconds: number;
}

/** Node's default --max-http-header-size. */
const MAX_HEAD_BYTES = 16 * 1024;

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text);

export async function runFuzz(
  client: RawClient,
  fixture: FuzzFixture,
  {
    seed,
    count,
    from = 0,
    concurrency = 4,
    onProgress,
    onAnswer,
  }: {
    seed: number;
    count: number;
    from?: number;
    concurrency?: number;
    onProgress?: (done: number) => void;
    /** Every request with its answer (e.g. to print them when replaying one). */
    onAnswer?: (request: FuzzRequest, response: RawResponse) => void;
  },
): Promise<FuzzReport> {
  const byStatus: Record<string, number> = {};
  const byFamily: Record<string, Record<string, number>> = {};
  const failures: Failure[] = [];
  let next = from;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < from + count) {
      const index = next;
      next += 1;
      const request: FuzzRequest = await fuzzRequest(seed, index, fixture);
      const response = await client.send(request.method, request.path, request.headers, request.body);
      onAnswer?.(request, response);
      // Node's HTTP server refuses a request head over 16 KiB: with 431, or, while a long head is
      // still being written, by closing the connection. Both are a refusal, not a failure.
      const headTooLarge = request.path.length + JSON.stringify(request.headers).length > MAX_HEAD_BYTES;
      const refusedHead = headTooLarge && (response.status === 431 || response.status === 0);
      const status = refusedHead ? "431/reset" : String(response.status);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const family = (byFamily[request.family] ??= {});
      family[status] = (family[status] ?? 0) + 1;
      if (!refusedHead && (response.status >= 500 || response.status <= 0)) {
        failures.push({
          index,
          family: request.family,
          method: request.method,
          path: clip(request.path, 200),
          body: clip(new TextDecoder().decode(request.body ?? new Uint8Array()), 200),
          status: response.status,
          answer: clip(response.error ?? response.body.toString("utf8"), 300),
          known: response.status >= 500 ? known5xx(request)?.id : undefined,
        });
      }
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  failures.sort((a, b) => a.index - b.index);
  return {
    seed,
    count,
    byStatus,
    byFamily,
    failures,
    unexpected: failures.filter((f) => f.known === undefined),
    seconds: (performance.now() - started) / 1000,
  };
}

export function formatReport(report: FuzzReport): string {
  const lines = [`fuzz seed ${report.seed}: ${report.count} requests in ${report.seconds.toFixed(1)} s`];
  lines.push(`by status: ${Object.entries(report.byStatus).sort().map(([s, n]) => `${s}×${n}`).join("  ")}`);
  lines.push("by family:");
  for (const [family, statuses] of Object.entries(report.byFamily).sort()) {
    lines.push(`  ${family.padEnd(40)} ${Object.entries(statuses).sort().map(([s, n]) => `${s}×${n}`).join("  ")}`);
  }
  const known = report.failures.filter((f) => f.known !== undefined);
  const byKnown: Record<string, number> = {};
  for (const f of known) byKnown[f.known!] = (byKnown[f.known!] ?? 0) + 1;
  lines.push(`5xx on the known list (KNOWN_5XX, issue #14): ${known.length}${known.length ? ` (${Object.entries(byKnown).map(([k, n]) => `${k}×${n}`).join(", ")})` : ""}`);
  lines.push(`unexpected 5xx or no answer: ${report.unexpected.length}`);
  for (const f of report.unexpected) {
    lines.push(`  #${f.index} [${f.family}] ${f.method} ${f.path} → ${f.status}\n    body: ${JSON.stringify(f.body)}\n    answer: ${f.answer}`);
  }
  lines.push(`reproduce one: seed ${report.seed}, index N (npm run bench:fuzz -- --seed ${report.seed} --from N --count 1)`);
  return lines.join("\n");
}
