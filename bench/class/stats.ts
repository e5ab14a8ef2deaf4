/** Latency figures of the samples lean-fetch.ts records. */
import type { Category, Sample } from "./lean-fetch";

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ms = (n: number) => (Number.isNaN(n) ? "      –" : n >= 1000 ? `${(n / 1000).toFixed(2).padStart(6)}s` : `${n.toFixed(1).padStart(5)}ms`);

export function latencyLine(label: string, values: readonly number[]): string {
  if (values.length === 0) return `${label.padEnd(28)} (none)`;
  const max = Math.max(...values);
  return `${label.padEnd(28)} n ${String(values.length).padStart(6)}  p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}  p99 ${ms(percentile(values, 99))}  max ${ms(max)}`;
}

/** A failure: no answer, a server error, or a refusal (429/503). 4xx answers the SDK expects (a 404 from get-by-name) are not. */
export function isFailure(sample: Sample): boolean {
  return sample.status === 0 || sample.status >= 500 || sample.status === 429;
}

export function errorSummary(samples: readonly Sample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples.filter(isFailure)) {
    const key = `${sample.status} ${sample.errorCode ?? ""}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0 ? "0" : [...counts].map(([key, n]) => `${n} × ${key}`).join(", ");
}

/** Per category and endpoint: client p50/p99, and the server's own time (handler, of which waiting for the writer). */
export function whereTimeGoes(samples: readonly Sample[]): string[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = `${sample.category}|${sample.endpoint}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const order: Category[] = ["write", "learner read", "panel"];
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a.split("|")[0] as Category) - order.indexOf(b.split("|")[0] as Category) || a.localeCompare(b))
    .map(([key, group]) => {
      const [category, endpoint] = key.split("|");
      const app = group.flatMap((s) => (s.appMs === undefined ? [] : [s.appMs]));
      const wait = group.flatMap((s) => (s.waitMs === undefined ? [] : [s.waitMs]));
      const client = group.map((s) => s.ms);
      const server = app.length ? `server p50 ${ms(percentile(app, 50))} p99 ${ms(percentile(app, 99))}` : "server –";
      const queue = wait.length ? `  writer wait p50 ${ms(percentile(wait, 50))} p99 ${ms(percentile(wait, 99))}` : "";
      return `  ${`${category} ${endpoint}`.padEnd(44)} n ${String(group.length).padStart(6)}  client p50 ${ms(percentile(client, 50))} p99 ${ms(percentile(client, 99))}  ${server}${queue}`;
    });
}
