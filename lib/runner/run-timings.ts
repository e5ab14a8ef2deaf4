/**
 * Where a run's time goes, for bench/run-loop. Off unless the page asks: the bench sets
 * `globalThis[RUN_TIMINGS_FLAG] = true` before the page loads; then the worker runner asks the
 * sandbox worker for its timeline and the page records every span as a `performance.measure`
 * named `cuvee:<phase>`. When nobody asks, the only cost is one boolean test per call site.
 *
 * Spans cross clocks (the page, the worker: each has its own `performance.timeOrigin`), so the
 * worker records absolute times (`timeOrigin + now()`) and the page converts them to its own.
 */

export const RUN_TIMINGS_FLAG = "__cuveeRunTimings";

/** A phase with absolute start and end times (ms since the epoch, sub-millisecond). */
export interface TimingSpan {
  name: string;
  start: number;
  end: number;
  /** e.g. the server's own time for an HTTP call, from its Server-Timing header. */
  detail?: Record<string, number | string>;
}

/** Whether the page (or, in the worker, the run request) asked for timings. */
export function runTimingsRequested(): boolean {
  return (globalThis as Record<string, unknown>)[RUN_TIMINGS_FLAG] === true;
}

export function absoluteNow(): number {
  return performance.timeOrigin + performance.now();
}

/** The spans of the current worker's run; empty, and never filled, unless timings were asked for. */
let spans: TimingSpan[] | undefined;

/** Starts collecting (in the sandbox worker, when the run request asks). */
export function collectTimings(): void {
  spans = [];
}

export function timingsEnabled(): boolean {
  return spans !== undefined;
}

export function recordSpan(span: TimingSpan): void {
  spans?.push(span);
}

/** Runs `work`, recording how long it took under `name` when collecting (sync or async). */
export function timed<T>(name: string, work: () => T): T {
  if (!spans) return work();
  const start = absoluteNow();
  const result = work();
  if (result instanceof Promise) {
    const end = () => recordSpan({ name, start, end: absoluteNow() });
    void result.then(end, end);
  } else {
    recordSpan({ name, start, end: absoluteNow() });
  }
  return result;
}

/** The spans collected so far (the worker sends them before saying it is done). */
export function takeSpans(): TimingSpan[] {
  const taken = spans ?? [];
  if (spans) spans = [];
  return taken;
}

/** On the page: each span becomes a `performance.measure` (`cuvee:<name>`) in the page's clock. */
export function recordOnPage(spansToRecord: readonly TimingSpan[]): void {
  for (const span of spansToRecord) {
    performance.measure(`cuvee:${span.name}`, {
      start: span.start - performance.timeOrigin,
      end: span.end - performance.timeOrigin,
      detail: span.detail,
    });
  }
}

/** The endpoint's path under `/api/2.0/mlflow/` (`runs/create`), or the URL's path. */
export function endpointOf(url: string): string {
  const path = new URL(url, "http://x").pathname;
  const marker = "/api/2.0/mlflow/";
  const at = path.indexOf(marker);
  return at === -1 ? path : path.slice(at + marker.length);
}

/**
 * The total `dur` of a Server-Timing header (`app;dur=3.2`), or undefined. `db-wait` (the wait
 * for SQLite's writer) is a part of `app`, not more time.
 */
export function serverDuration(header: string | null): number | undefined {
  if (!header) return undefined;
  let total: number | undefined;
  for (const match of header.matchAll(/(?:^|,)\s*([\w-]+)[^,]*?;dur=([\d.]+)/g)) {
    if (match[1] !== "db-wait") total = (total ?? 0) + Number(match[2]);
  }
  return total;
}

type Fetch = typeof fetch;

/** Wraps the scope's fetch so that each call is a span `http <endpoint>` with the server's own time. */
export function timeFetches(scope: { fetch: Fetch }): void {
  const original = scope.fetch.bind(scope);
  scope.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const start = absoluteNow();
    const response = await original(input, init);
    const server = serverDuration(response.headers.get("server-timing"));
    let reading = false;
    const record = () =>
      recordSpan({ name: `http ${endpointOf(url)}`, start, end: absoluteNow(), detail: server === undefined ? undefined : { server } });
    // Until the caller has the body (the SDK reads it with text() at once), else the headers.
    const text = response.text.bind(response);
    response.text = () => {
      reading = true;
      return text().finally(record);
    };
    setTimeout(() => reading || record(), 0);
    return response;
  };
}

/**
 * The kit with its expensive calls timed: `readCsv` (data load) and every estimator's `fit`.
 * Only for a run that asked for timings, in its own fresh worker, so patching is not seen elsewhere.
 */
export function timeKit(data: Record<string, unknown>, ml: Record<string, unknown>): { data: Record<string, unknown>; ml: Record<string, unknown> } {
  const readCsv = data.readCsv as (...args: unknown[]) => Promise<unknown>;
  // An estimator's fit may call another's (a pipeline, a subclass): only the outermost counts.
  let depth = 0;
  for (const value of Object.values(ml)) {
    const prototype = typeof value === "function" ? (value.prototype as Record<string, unknown> | undefined) : undefined;
    if (!prototype || !Object.hasOwn(prototype, "fit") || typeof prototype.fit !== "function") continue;
    const fit = prototype.fit as (...args: unknown[]) => unknown;
    prototype.fit = function (this: unknown, ...args: unknown[]) {
      if (depth > 0) return fit.apply(this, args);
      depth++;
      try {
        return timed("fit", () => fit.apply(this, args));
      } finally {
        depth--;
      }
    };
  }
  return { data: { ...data, readCsv: (...args: unknown[]) => timed("data load", () => readCsv(...args)) }, ml };
}
