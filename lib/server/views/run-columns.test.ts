import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/server/tracking";
import { compareRuns, numericParamKeys, runColumns } from "./run-columns";

function run(id: string, params: Record<string, string>, metrics: Record<string, number>, tags: Record<string, string> = {}): Run {
  return {
    info: {
      runId: id,
      runName: id,
      experimentId: "1",
      userId: "",
      status: "FINISHED",
      startTime: 0,
      endTime: null,
      artifactUri: "",
      lifecycleStage: "active",
    },
    data: {
      params: Object.entries(params).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp: 0, step: 0 })),
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    },
    inputs: { datasetInputs: [] },
  };
}

describe("runColumns", () => {
  it("collects every key once, sorted, leaving out mlflow.* tags", () => {
    const columns = runColumns([
      run("a", { l1_ratio: "0.5", alpha: "0.1" }, { rmse: 0.7 }, { "mlflow.runName": "a", equipe: "rouge" }),
      run("b", { alpha: "0.2" }, { r2: 0.3, rmse: 0.8 }),
    ]);
    expect(columns).toEqual({ params: ["alpha", "l1_ratio"], metrics: ["r2", "rmse"], tags: ["equipe"] });
  });
});

describe("compareRuns", () => {
  it("flags keys whose values differ or are missing in a run", () => {
    const comparison = compareRuns([
      run("a", { alpha: "0.1", l1_ratio: "0.5" }, { rmse: 0.7 }),
      run("b", { alpha: "0.2", l1_ratio: "0.5" }, { rmse: 0.7 }),
      run("c", { alpha: "0.3" }, { rmse: 0.7 }),
    ]);
    expect(comparison.params).toEqual([
      { key: "alpha", values: ["0.1", "0.2", "0.3"], differs: true },
      { key: "l1_ratio", values: ["0.5", "0.5", undefined], differs: true },
    ]);
    expect(comparison.metrics).toEqual([{ key: "rmse", values: [0.7, 0.7, 0.7], differs: false }]);
  });

  it("treats NaN metrics as equal to each other", () => {
    const comparison = compareRuns([run("a", {}, { loss: Number.NaN }), run("b", {}, { loss: Number.NaN })]);
    expect(comparison.metrics[0]?.differs).toBe(false);
  });
});

describe("numericParamKeys", () => {
  it("keeps params whose values are all numbers", () => {
    expect(numericParamKeys([run("a", { alpha: "0.1", solver: "cd" }, {}), run("b", { alpha: "1e-3", solver: "lbfgs" }, {})])).toEqual(["alpha"]);
  });
});
