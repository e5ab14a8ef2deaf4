import { describe, expect, it } from "vitest";
import { childEnvironment, configuredMaxHeapMb, DEFAULT_MAX_HEAP_MB, diedOfHeapExhaustion } from "./child-limits";

describe("childEnvironment", () => {
  it("keeps the allowed variables that are set, drops the others, and sets the tracking URI", () => {
    const env = childEnvironment({ PATH: "/usr/bin", HOME: "/home/a", DATABASE_URL: "file:x.db", AWS_SECRET_ACCESS_KEY: "k", MLFLOW_TRACKING_URI: "http://autre" }, "http://h/w/abc");
    expect(env).toEqual({ PATH: "/usr/bin", HOME: "/home/a", MLFLOW_TRACKING_URI: "http://h/w/abc" });
  });
});

describe("configuredMaxHeapMb", () => {
  it("reads CUVEE_RUN_MAX_HEAP_MB, defaults when unset, refuses what is not a positive integer", () => {
    expect(configuredMaxHeapMb({})).toBe(DEFAULT_MAX_HEAP_MB);
    expect(configuredMaxHeapMb({ CUVEE_RUN_MAX_HEAP_MB: " 256 " })).toBe(256);
    expect(() => configuredMaxHeapMb({ CUVEE_RUN_MAX_HEAP_MB: "1.5" })).toThrow(/CUVEE_RUN_MAX_HEAP_MB/);
    expect(() => configuredMaxHeapMb({ CUVEE_RUN_MAX_HEAP_MB: "0" })).toThrow(/CUVEE_RUN_MAX_HEAP_MB/);
  });
});

describe("diedOfHeapExhaustion", () => {
  it("recognises V8's fatal heap errors and nothing else", () => {
    expect(diedOfHeapExhaustion("<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n")).toBe(true);
    expect(diedOfHeapExhaustion("FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory")).toBe(true);
    expect(diedOfHeapExhaustion("Error: Cannot find module 'x'")).toBe(false);
  });
});
