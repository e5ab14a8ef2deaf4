/**
 * A third-party MLflow client against our server: the npm package `mlflow` 2.0.7 (installed as
 * `mlflow-node-client`, not written here), pointed at a fresh workspace. It still calls
 * `experiments/list` (gone from MLflow 2.0) and sends `run_uuid` beside `run_id`.
 *
 * Its quirks: it prints every POST body with console.log (silenced here), and its
 * `setExperimentTag` builds `…/experimentsset-experiment-tag` (a slash is missing), a URL that no
 * MLflow server serves, so that one call is skipped below. Each test has a workspace of its own
 * and creates what it reads: none depends on another having run first.
 */
import MLflow from "mlflow-node-client";
import { RunStatus, ViewType } from "mlflow-node-client/enum";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { baseUrl, closeTestDb, createTestWorkspace, uniqueName } from "./helpers";

/** A client on a workspace of its own, so that each test sees only what it created. */
async function clientOnFreshWorkspace(): Promise<MLflow> {
  return new MLflow({ endpoint: `${baseUrl()}/w/${await createTestWorkspace()}` });
}

async function newExperiment(client: MLflow, name = uniqueName("npm-client")): Promise<string> {
  return (await client.Experiments.create({ name, artifact_location: "" })).experiment_id;
}

/** A run with what the client can log: params, a 3-step metric, a batch and a tag. */
async function loggedRun(client: MLflow, experimentId: string): Promise<{ runId: string; info: unknown }> {
  const created = await client.Runs.create({ experiment_id: experimentId, user_id: "learner", start_time: 1_700_000_000_000, tags: [{ key: "source", value: "npm" }] });
  const runId: string = created.run.info.run_id;
  expect(await client.Runs.logParameter({ run_id: runId, key: "alpha", value: "0.5" })).toEqual({});
  for (const step of [0, 1, 2]) {
    await client.Runs.logMetric({ run_id: runId, key: "rmse", value: 1 - step / 10, timestamp: 1_700_000_000_000 + step, step });
  }
  await client.Runs.logBatch({
    run_id: runId,
    metrics: [{ key: "mae", value: 0.4, timestamp: 1_700_000_000_100, step: 0 }],
    params: [{ key: "l1_ratio", value: "0.1" }],
    tags: [{ key: "stage", value: "test" }],
  });
  await client.Runs.setTag({ run_id: runId, key: "note", value: "ok" });
  return { runId, info: created.run.info };
}

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

afterAll(async () => {
  vi.restoreAllMocks();
  await closeTestDb();
});

describe("the npm `mlflow` client (2.0.7)", () => {
  it("creates, lists and gets experiments", async () => {
    const client = await clientOnFreshWorkspace();
    const name = uniqueName("npm-client");
    const experimentId = await newExperiment(client, name);
    expect(experimentId).toBe("1");
    const listed = await client.Experiments.list();
    expect(listed.experiments.map((e: { name: string }) => e.name).sort()).toEqual(["Default", name]);
    const got = await client.Experiments.get({ experiment_id: experimentId });
    expect(got.experiment).toMatchObject({ experiment_id: experimentId, name, lifecycle_stage: "active" });
  });

  it("renames an experiment", async () => {
    const client = await clientOnFreshWorkspace();
    const name = uniqueName("npm-client");
    const experimentId = await newExperiment(client, name);
    expect(await client.Experiments.update({ experiment_id: experimentId, new_name: `${name}-v2` })).toEqual({});
    expect((await client.Experiments.get({ experiment_id: experimentId })).experiment.name).toBe(`${name}-v2`);
  });

  // Skipped: the client requests `/api/2.0/mlflow/experimentsset-experiment-tag` (its path lacks a
  // slash before `set-experiment-tag`), which is not an MLflow endpoint on any server. Our
  // `experiments/set-experiment-tag` is covered in experiments-lifecycle.test.ts.
  it.skip("sets an experiment tag (client bug: malformed path)", async () => {
    const client = await clientOnFreshWorkspace();
    await client.Experiments.setExperimentTag({ experiment_id: await newExperiment(client), key: "k", value: "v" });
  });

  it("creates a run, logs params, metrics and a batch, and reads them back", async () => {
    const client = await clientOnFreshWorkspace();
    const experimentId = await newExperiment(client);
    const { runId, info } = await loggedRun(client, experimentId);
    expect(info).toMatchObject({ experiment_id: experimentId, user_id: "learner", status: "RUNNING", run_uuid: runId });
    const run = (await client.Runs.get({ run_id: runId })).run;
    expect(run.data.params).toEqual([
      { key: "alpha", value: "0.5" },
      { key: "l1_ratio", value: "0.1" },
    ]);
    expect(run.data.metrics).toEqual([
      { key: "mae", value: 0.4, timestamp: 1_700_000_000_100, step: 0 },
      { key: "rmse", value: 0.8, timestamp: 1_700_000_000_002, step: 2 },
    ]);
    expect(run.data.tags).toEqual(expect.arrayContaining([{ key: "stage", value: "test" }, { key: "note", value: "ok" }]));
  });

  it("reads a metric's history", async () => {
    const client = await clientOnFreshWorkspace();
    const { runId } = await loggedRun(client, await newExperiment(client));
    const history = await client.Metrics.getHistory({ run_id: runId, metric_key: "rmse" });
    expect(history.metrics.map((m: { step: number; value: number }) => [m.step, m.value])).toEqual([
      [0, 1],
      [1, 0.9],
      [2, 0.8],
    ]);
  });

  it("searches runs with a filter", async () => {
    const client = await clientOnFreshWorkspace();
    const experimentId = await newExperiment(client);
    const { runId } = await loggedRun(client, experimentId);
    const found = await client.Runs.search({ experiment_ids: [experimentId], filter: "metrics.rmse < 0.85 AND params.alpha = '0.5'" });
    expect(found.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([runId]);
    const none = await client.Runs.search({ experiment_ids: [experimentId], filter: "metrics.rmse > 5" });
    expect(none).toEqual({});
  });

  it("lists a run's artifacts", async () => {
    const client = await clientOnFreshWorkspace();
    const experimentId = await newExperiment(client);
    const { runId } = await loggedRun(client, experimentId);
    const listed = await client.Artifacts.list({ run_id: runId, path: "" });
    expect(listed).toEqual({ root_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts` });
  });

  it("updates, deletes a tag, deletes and restores a run", async () => {
    const client = await clientOnFreshWorkspace();
    const { runId } = await loggedRun(client, await newExperiment(client));
    const updated = await client.Runs.update({ run_id: runId, status: RunStatus.FINISHED, end_time: 1_700_000_001_000 });
    expect(updated.run_info).toMatchObject({ status: RunStatus.FINISHED, end_time: 1_700_000_001_000 });
    expect(await client.Runs.deleteTag({ run_id: runId, key: "note" })).toEqual({});
    expect(await client.Runs.delete({ run_id: runId })).toEqual({});
    expect((await client.Runs.get({ run_id: runId })).run.info.lifecycle_stage).toBe("deleted");
    expect(await client.Runs.restore({ run_id: runId })).toEqual({});
    expect((await client.Runs.get({ run_id: runId })).run.info.lifecycle_stage).toBe("active");
  });

  it("deletes and restores an experiment", async () => {
    const client = await clientOnFreshWorkspace();
    const experimentId = await newExperiment(client);
    expect(await client.Experiments.delete({ experiment_id: experimentId })).toEqual({});
    const deleted = await client.Experiments.list({ view_type: ViewType.DELETED_ONLY });
    expect(deleted.experiments.map((e: { experiment_id: string }) => e.experiment_id)).toEqual([experimentId]);
    expect(await client.Experiments.restore({ experiment_id: experimentId })).toEqual({});
  });

  it("surfaces MLflow's error body", async () => {
    const client = await clientOnFreshWorkspace();
    await expect(client.Runs.get({ run_id: "0".repeat(32) })).rejects.toThrow(/RESOURCE_DOES_NOT_EXIST/);
  });
});
