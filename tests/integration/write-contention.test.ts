/**
 * A class at once (issue #15): learners in their own workspaces write through every transactional
 * endpoint (experiments/create, runs/create, log-batch with params and tags, set-tag, update)
 * while each one's panel keeps reading. Every write must be answered and stored, and nothing may
 * be a 500: before decision 011 a transaction held SQLite's writer across turns of the busy
 * event loop, writes queued behind it and expired there (Prisma P2028, a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLL_INTERVAL_MS } from "@/components/tracking/use-workspace-tracking";
import * as mlflow from "@/lib/tracking";
import { baseUrl, closeTestDb, createTestWorkspace, mlflowApi } from "./helpers";

const LEARNERS = 30;
const RUNS_PER_LEARNER = 3;

let workspaces: string[];

beforeAll(async () => {
  workspaces = [];
  for (let i = 0; i < LEARNERS; i += 1) workspaces.push(await createTestWorkspace());
});

afterAll(async () => {
  await closeTestDb();
});

/** What the panel asks, at the panel's pace, until `done`; the statuses it got. */
async function panel(workspaceId: string, done: () => boolean): Promise<number[]> {
  const api = mlflowApi(workspaceId);
  const statuses: number[] = [];
  while (!done()) {
    const answers = await Promise.all([
      api.post("experiments/search", { max_results: 100 }),
      api.get("registered-models/search", { max_results: 100 }),
    ]);
    const ids = answers[0].json?.experiments?.map((e: { experiment_id: string }) => e.experiment_id) ?? [];
    const runs = ids.length ? [await api.post("runs/search", { experiment_ids: ids, max_results: 100 })] : [];
    statuses.push(...[...answers, ...runs].map((a) => a.status));
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return statuses;
}

async function learner(workspaceId: string): Promise<void> {
  const client = new mlflow.MlflowClient(`${baseUrl()}/w/${workspaceId}`);
  const experimentId = await client.createExperiment("exp_wine_elasticnet");
  for (let run = 0; run < RUNS_PER_LEARNER; run += 1) {
    const { runId } = (await client.createRun(experimentId, { runName: `run-${run}`, tags: { "mlflow.user": "apprenant" } })).info;
    await client.logBatch(runId, {
      params: { alpha: run },
      metrics: [{ key: "rmse", value: run / 10, step: 0, timestamp: 1_700_000_000_000 }],
      tags: { "mlflow.source.name": "main.ts" },
    });
    await client.setTag(runId, "mlflow.log-model.history", "[]");
    await client.updateRun(runId, { status: "FINISHED" });
  }
}

// No timing asserted: the generous limit is for this shared machine's load, not a goal.
describe("writes under contention", { timeout: 180_000 }, () => {
  it(`${LEARNERS} learners write while their panels read: every write stored, no 500`, async () => {
    let finished = false;
    const panels = Promise.all(workspaces.map((id) => panel(id, () => finished)));
    const learners = await Promise.allSettled(workspaces.map((id) => learner(id)));
    finished = true;
    const panelStatuses = (await panels).flat();

    expect(learners.filter((l) => l.status === "rejected")).toEqual([]);
    expect(panelStatuses.filter((status) => status !== 200)).toEqual([]);
    for (const id of workspaces) {
      const api = mlflowApi(id);
      const experiment = await api.get("experiments/get-by-name", { experiment_name: "exp_wine_elasticnet" });
      const { runs } = (await api.post("runs/search", { experiment_ids: [experiment.json.experiment.experiment_id] })).json;
      expect(runs).toHaveLength(RUNS_PER_LEARNER);
      for (const run of runs) {
        expect(run.info.status).toBe("FINISHED");
        expect(run.data.params).toHaveLength(1);
        expect(run.data.tags.map((t: { key: string }) => t.key)).toEqual(
          expect.arrayContaining(["mlflow.user", "mlflow.source.name", "mlflow.log-model.history"]),
        );
      }
    }
  });
});
