import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/server/tracking/entities";
import { runsOfLatestExecution } from "./runs";

function run(runId: string, startTime: number): Run {
  return {
    info: { runId, startTime } as Run["info"],
    data: { metrics: [], params: [], tags: [] } as unknown as Run["data"],
    inputs: { datasetInputs: [] },
  };
}

describe("runsOfLatestExecution", () => {
  // Newest first, as the checks read them: an earlier execution a minute before the last one.
  const runs = [run("c", 120_000), run("b", 119_000), run("a", 60_000)];

  it("keeps exactly the runs the runner reported for the last execution", () => {
    expect(runsOfLatestExecution(runs, ["b", "c"]).map((r) => r.info.runId)).toEqual(["c", "b"]);
    expect(runsOfLatestExecution(runs, [])).toEqual([]);
  });

  it("without that report, keeps the runs started within the window before the newest", () => {
    expect(runsOfLatestExecution(runs).map((r) => r.info.runId)).toEqual(["c", "b", "a"]);
    expect(runsOfLatestExecution(runs, undefined, 30_000).map((r) => r.info.runId)).toEqual(["c", "b"]);
  });
});
