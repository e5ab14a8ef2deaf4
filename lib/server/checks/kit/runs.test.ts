import { describe, expect, it } from "vitest";
import { passed } from "./check";
import { executionRuns, newestExecutionRun } from "./runs";
import { checkHarness } from "./testing";

// The harness's store and run writer; its check is not used here.
const { newStore, logRun } = checkHarness(async () => passed(""));

describe("executionRuns", () => {
  it("reads exactly the runs the execution created, newest first, and nothing an earlier execution left", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp" });
    const earlier = await logRun(store, experimentId);
    const first = await logRun(store, experimentId);
    const second = await logRun(store, experimentId, { status: "FAILED" });
    const ids = [first.info.runId, second.info.runId];

    expect((await executionRuns(store, ids)).map((run) => run.info.runId)).toEqual([second.info.runId, first.info.runId]);
    expect((await executionRuns(store, ids, { status: "FINISHED" })).map((run) => run.info.runId)).toEqual([first.info.runId]);
    expect((await newestExecutionRun(store, ids))?.info.runId).toBe(second.info.runId);
    expect(await executionRuns(store, [])).toEqual([]);
    // The newest finished run of the workspace is an earlier execution's once this one's runs are left out.
    expect(await newestExecutionRun(store, [second.info.runId], { status: "FINISHED" })).toBeUndefined();
    expect((await executionRuns(store, [earlier.info.runId])).map((run) => run.info.runId)).toEqual([earlier.info.runId]);
  });

  it("keeps to the experiments asked, leaves deleted runs out, and ignores ids that name no run", async () => {
    const store = await newStore();
    const a = await store.createExperiment({ name: "a" });
    const b = await store.createExperiment({ name: "b" });
    const inA = await logRun(store, a);
    const inB = await logRun(store, b);
    const deleted = await logRun(store, a);
    await store.deleteRun(deleted.info.runId);
    const ids = [inA.info.runId, inB.info.runId, deleted.info.runId, "pas-un-id' OR 1=1", "f".repeat(32)];

    expect((await executionRuns(store, ids)).map((run) => run.info.runId)).toEqual([inB.info.runId, inA.info.runId]);
    expect((await executionRuns(store, ids, { experimentIds: [a] })).map((run) => run.info.runId)).toEqual([inA.info.runId]);
  });

  it("reads more runs than one search holds", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "many" });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await store.createRun({ experimentId, startTime: 1_000 + i })).info.runId);
    // 12 real ids among 1 200 unknown ones: three searches of 500 ids.
    const padded = [...Array.from({ length: 1_200 }, (_, i) => i.toString(16).padStart(32, "0")), ...ids];
    expect((await executionRuns(store, padded)).map((run) => run.info.runId)).toEqual(ids.slice().reverse());
  });
});
