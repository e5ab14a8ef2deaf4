import { afterEach, describe, expect, it } from "vitest";
import {
  RUN_TIMINGS_FLAG,
  collectTimings,
  endpointOf,
  runTimingsRequested,
  serverDuration,
  takeSpans,
  timeFetches,
  timeKit,
  timed,
} from "./run-timings";

afterEach(() => {
  takeSpans();
  delete (globalThis as Record<string, unknown>)[RUN_TIMINGS_FLAG];
});

describe("run timings", () => {
  it("are off unless asked: timed() runs the work and records nothing", () => {
    expect(runTimingsRequested()).toBe(false);
    expect(timed("transpile", () => 42)).toBe(42);
    expect(takeSpans()).toEqual([]);
    (globalThis as Record<string, unknown>)[RUN_TIMINGS_FLAG] = true;
    expect(runTimingsRequested()).toBe(true);
  });

  it("record sync and async work once collecting", async () => {
    collectTimings();
    timed("transpile", () => "code");
    await timed("data load", () => new Promise((resolve) => setTimeout(resolve, 5)));
    const spans = takeSpans();
    expect(spans.map((span) => span.name)).toEqual(["transpile", "data load"]);
    for (const span of spans) expect(span.end).toBeGreaterThanOrEqual(span.start);
  });

  it("name each request by its MLflow endpoint, with the server's time from Server-Timing", async () => {
    expect(endpointOf("http://h/w/abc/api/2.0/mlflow/runs/log-batch")).toBe("runs/log-batch");
    expect(endpointOf("http://h/w/abc/api/2.0/mlflow/experiments/get-by-name?experiment_name=x")).toBe("experiments/get-by-name");
    expect(serverDuration("app;dur=3.5")).toBe(3.5);
    expect(serverDuration("db;dur=1, app;dur=2")).toBe(3);
    // The wait for SQLite's writer is a part of the handler's time, not more of it.
    expect(serverDuration("app;dur=4.0, db-wait;dur=3.0")).toBe(4);
    expect(serverDuration(null)).toBeUndefined();

    collectTimings();
    const scope = { fetch: (async () => new Response("{}", { headers: { "Server-Timing": "app;dur=7.5" } })) as typeof fetch };
    timeFetches(scope);
    const response = await scope.fetch("http://h/w/abc/api/2.0/mlflow/runs/create", { method: "POST" });
    expect(await response.text()).toBe("{}");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(takeSpans()).toMatchObject([{ name: "http runs/create", detail: { server: 7.5 } }]);
  });

  it("time the kit's readCsv and each estimator's outermost fit, results unchanged", async () => {
    class Base {
      fit(x: number) {
        return x + 1;
      }
    }
    class Pipeline extends Base {
      override fit(x: number) {
        return super.fit(x) * 2;
      }
    }
    const kit = timeKit({ readCsv: async (path: string) => `frame of ${path}` }, { Base, Pipeline, helper: () => 1 });
    collectTimings();
    expect(await (kit.data.readCsv as (path: string) => Promise<string>)("wine.csv")).toBe("frame of wine.csv");
    expect(new Pipeline().fit(1)).toBe(4);
    expect(new Base().fit(1)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(takeSpans().map((span) => span.name)).toEqual(["data load", "fit", "fit"]);
  });
});
