import { describe, expect, it } from "vitest";
import { previousFinishedRun, runChanges } from "./run-changes";

describe("runChanges", () => {
  it("lists params and metrics that differ from the previous run or are new", () => {
    const changes = runChanges(
      { params: [{ key: "alpha", value: "0.1" }, { key: "l1_ratio", value: "0.5" }], metrics: [{ key: "rmse", value: 0.8 }, { key: "r2", value: 0.2 }, { key: "mae", value: 0.6 }] },
      { params: [{ key: "alpha", value: "0.5" }, { key: "l1_ratio", value: "0.5" }], metrics: [{ key: "rmse", value: 0.7 }, { key: "r2", value: 0.2 }] },
    );
    expect([...changes.params]).toEqual(["alpha"]);
    expect([...changes.metrics]).toEqual(["rmse", "mae"]);
  });

  it("reports nothing for a first run", () => {
    const changes = runChanges({ params: [{ key: "alpha", value: "1" }], metrics: [] }, undefined);
    expect(changes.params.size + changes.metrics.size).toBe(0);
  });
});

describe("previousFinishedRun", () => {
  it("skips runs that failed, were killed or still run: the newest is compared with the last complete one", () => {
    const runs = [
      { runId: "new", status: "FINISHED" },
      { runId: "killed", status: "KILLED" },
      { runId: "failed", status: "FAILED" },
      { runId: "open", status: "RUNNING" },
      { runId: "done", status: "FINISHED" },
      { runId: "older", status: "FINISHED" },
    ];
    expect(previousFinishedRun(runs)?.runId).toBe("done");
    expect(previousFinishedRun(runs.slice(0, 4))).toBeUndefined();
    expect(previousFinishedRun([])).toBeUndefined();
  });
});
