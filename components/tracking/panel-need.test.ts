import { describe, expect, it } from "vitest";
import { EVERYTHING, mergeNeeds, needOfChange, needsNothing } from "./panel-need";

const change = (scope: Partial<{ experiments: boolean; runsOf: string[]; runs: string[]; models: boolean }>) => ({
  experiments: false,
  runsOf: [],
  runs: [],
  models: false,
  ...scope,
});
const experimentOf = (runId: string) => ({ r1: "1", r2: "2" })[runId];

describe("what a change asks the panel to read", () => {
  it("reads the runs of the experiments named, or of the runs' experiments when only runs are named", () => {
    expect(needOfChange(change({ runsOf: ["3"], runs: ["new-run"] }), experimentOf)).toEqual({ experiments: false, runsOf: new Set(["3"]), models: false });
    expect(needOfChange(change({ runs: ["r1", "r2"] }), experimentOf)).toEqual({ experiments: false, runsOf: new Set(["1", "2"]), models: false });
  });

  it("reads the runs of every experiment for a run it does not know yet", () => {
    expect(needOfChange(change({ runs: ["r1", "unknown"] }), experimentOf).runsOf).toBe("all");
  });

  it("passes the experiments list and the registry through, and knows a change it does not show", () => {
    expect(needOfChange(change({ experiments: true, models: true }), experimentOf)).toEqual({ experiments: true, runsOf: new Set(), models: true });
    expect(needsNothing(needOfChange(change({}), experimentOf))).toBe(true);
    expect(needsNothing(needOfChange(change({ models: true }), experimentOf))).toBe(false);
  });
});

describe("changes that add up during a fetch", () => {
  it("read the union of what each asked", () => {
    const a = { experiments: false, runsOf: new Set(["1"]), models: false };
    const b = { experiments: true, runsOf: new Set(["2"]), models: false };
    expect(mergeNeeds(null, a)).toBe(a);
    expect(mergeNeeds(a, b)).toEqual({ experiments: true, runsOf: new Set(["1", "2"]), models: false });
    expect(mergeNeeds(a, EVERYTHING)).toEqual(EVERYTHING);
  });
});
