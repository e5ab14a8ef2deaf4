import { describe, expect, it } from "vitest";
import { changeOfArtifactWrite, changeOfRequest } from "./describe";

const NOTHING = { experiments: false, runsOf: [], runs: [], models: false };

describe("what a successful request changed", () => {
  it("is nothing for reads, even those sent as POST", () => {
    expect(changeOfRequest("searchRuns", { experiment_ids: ["1"] } as never, {} as never)).toBeNull();
    expect(changeOfRequest("getRun", { run_id: "r" } as never, {} as never)).toBeNull();
    expect(changeOfRequest("searchRegisteredModels", {} as never, {} as never)).toBeNull();
  });

  it("names the experiment of a created or updated run from the answer", () => {
    const info = { run_id: "r1", run_uuid: "r1", experiment_id: "3", status: "RUNNING", lifecycle_stage: "active" };
    expect(changeOfRequest("createRun", { experiment_id: "3" } as never, { run: { info } } as never)).toEqual({ ...NOTHING, runsOf: ["3"], runs: ["r1"] });
    expect(changeOfRequest("updateRun", { run_id: "r1" } as never, { run_info: info } as never)).toEqual({ ...NOTHING, runsOf: ["3"], runs: ["r1"] });
  });

  it("names only the run of a metric, param, tag or batch, by run_id or its alias run_uuid", () => {
    expect(changeOfRequest("logMetric", { run_id: "r1", key: "k", value: 1, timestamp: 1 } as never, {} as never)).toEqual({ ...NOTHING, runs: ["r1"] });
    expect(changeOfRequest("logBatch", { run_uuid: "r2" } as never, {} as never)).toEqual({ ...NOTHING, runs: ["r2"] });
  });

  it("is the experiments list for experiment writes and the registry for registry writes", () => {
    expect(changeOfRequest("createExperiment", { name: "x" } as never, { experiment_id: "1" } as never)).toEqual({ ...NOTHING, experiments: true });
    expect(changeOfRequest("deleteExperiment", { experiment_id: "1" } as never, {} as never)).toEqual({ ...NOTHING, experiments: true });
    expect(changeOfRequest("transitionModelVersionStage", {} as never, {} as never)).toEqual({ ...NOTHING, models: true });
    expect(changeOfRequest("setRegisteredModelAlias", {} as never, {} as never)).toEqual({ ...NOTHING, models: true });
  });

  it("is a run's for an artifact under <experiment>/<run>/artifacts, nothing the pages show otherwise", () => {
    expect(changeOfArtifactWrite("2/abc/artifacts/model/MLmodel")).toEqual({ ...NOTHING, runsOf: ["2"], runs: ["abc"] });
    expect(changeOfArtifactWrite("loose-file.txt")).toBeNull();
    expect(changeOfArtifactWrite("2/abc/other/file")).toBeNull();
  });
});
