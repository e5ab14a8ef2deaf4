/**
 * The `mlflow` SDK, in Node, against the real server: what learner code relies on.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as mlflow from "@/lib/tracking";
import { MlflowException } from "@/lib/tracking";
import { TrackingServerUnreachable } from "@/lib/tracking/exceptions";
import { finishScript, resetFluentState, resetTrackingUri } from "@/lib/tracking/runner-hooks";
import { baseUrl, closeTestDb, createTestWorkspace, mlflowApi, uniqueName } from "./helpers";

let workspaceId: string;

beforeAll(async () => {
  workspaceId = await createTestWorkspace();
});

afterAll(async () => {
  resetTrackingUri();
  await closeTestDb();
});

beforeEach(() => {
  resetFluentState();
  mlflow.setTrackingUri(`${baseUrl()}/w/${workspaceId}`);
});

describe("fluent tracking", () => {
  it("creates the experiment, logs a param and a metric, and ends the run FINISHED", async () => {
    const name = uniqueName("exp_wine_quality");
    const experiment = await mlflow.setExperiment(name);
    const run = await mlflow.startRun({ runName: "premier-run" });
    expect(mlflow.activeRun()?.info.runId).toBe(run.info.runId);
    await mlflow.logParam("alpha", 0.5);
    await mlflow.logMetric("rmse", 0.74);
    await mlflow.logMetric("rmse", 0.7, 1);
    await mlflow.endRun();
    expect(mlflow.activeRun()).toBeUndefined();

    const stored = await new mlflow.MlflowClient().getRun(run.info.runId);
    expect(stored.info).toMatchObject({ status: "FINISHED", runName: "premier-run", experimentId: experiment.experimentId });
    expect(stored.data.params).toEqual({ alpha: "0.5" });
    expect(stored.data.metrics).toEqual({ rmse: 0.7 });
    expect(stored.data.tags["mlflow.runName"]).toBe("premier-run");
    expect(stored.data.tags["mlflow.source.type"]).toBe("LOCAL");
  });

  it("reuses an existing experiment with setExperiment", async () => {
    const name = uniqueName("exp");
    const first = await mlflow.setExperiment(name);
    const second = await mlflow.setExperiment(name);
    expect(second.experimentId).toBe(first.experimentId);
  });

  it("sends calls that were not awaited before the run ends", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    const run = await mlflow.startRun();
    void mlflow.logParam("forgotten", "await");
    void mlflow.logMetric("also", 1);
    await mlflow.endRun();
    const stored = await new mlflow.MlflowClient().getRun(run.info.runId);
    expect(stored.data.params.forgotten).toBe("await");
    expect(stored.data.metrics.also).toBe(1);
    expect(stored.info.status).toBe("FINISHED");
  });

  it("ends a callback-form run FAILED when the body throws, and re-throws", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    let runId = "";
    await expect(
      mlflow.startRun({ runName: "plante" }, async (run) => {
        runId = run.info.runId;
        throw new Error("boum");
      }),
    ).rejects.toThrow("boum");
    expect((await new mlflow.MlflowClient().getRun(runId)).info.status).toBe("FAILED");
  });

  it("ends an `await using` run when its block exits", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    let runId = "";
    {
      await using run = await mlflow.startRun();
      runId = run.info.runId;
      await mlflow.setTag("bloc", "using");
    }
    await finishScript({ failed: false });
    const stored = await mlflow.lastActiveRun();
    expect(stored?.info).toMatchObject({ runId, status: "FINISHED" });
  });

  it("marks an `await using` run FAILED when the script fails inside it", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    let runId = "";
    const script = async () => {
      await using run = await mlflow.startRun();
      runId = run.info.runId;
      throw new Error("boum");
    };
    await script().catch(() => finishScript({ failed: true }));
    expect((await new mlflow.MlflowClient().getRun(runId)).info.status).toBe("FAILED");
  });

  it("refuses a second top-level run while one is active, but allows nested runs", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    const parent = await mlflow.startRun();
    const refusal = await mlflow.startRun().catch((caught: unknown) => caught);
    expect(refusal).toBeInstanceOf(MlflowException);
    expect((refusal as MlflowException).serverMessage).toMatch(/already active/);
    expect((refusal as Error).message).toMatch(/^Un run est déjà actif .*nested: true.*\(BAD_REQUEST\)$/);
    const child = await mlflow.startRun({ nested: true });
    await mlflow.endRun();
    await mlflow.endRun();
    const stored = await new mlflow.MlflowClient().getRun(child.info.runId);
    expect(stored.data.tags["mlflow.parentRunId"]).toBe(parent.info.runId);
  });

  it("starts a run by itself when logging without one, as MLflow does", async () => {
    const experiment = await mlflow.setExperiment(uniqueName("exp"));
    await mlflow.logParam("auto", "run");
    const run = mlflow.activeRun();
    expect(run?.info.experimentId).toBe(experiment.experimentId);
    await finishScript({ failed: false });
    expect((await mlflow.lastActiveRun())?.info.status).toBe("FINISHED");
  });

  it("finds runs with searchRuns", async () => {
    const experiment = await mlflow.setExperiment(uniqueName("exp"));
    for (const alpha of [0.1, 0.5]) {
      await mlflow.startRun({}, async () => {
        await mlflow.logParam("alpha", alpha);
      });
    }
    const runs = await mlflow.searchRuns({ experimentIds: [experiment.experimentId] });
    expect(runs.map((run) => run.data.params.alpha).sort()).toEqual(["0.1", "0.5"]);
  });
});

describe("errors learners meet", () => {
  it("explains a changed param in French and keeps MLflow's code", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    await mlflow.startRun();
    await mlflow.logParam("alpha", 0.5);
    const error = await mlflow.logParam("alpha", 0.3).catch((caught: unknown) => caught);
    await mlflow.endRun();
    expect(error).toBeInstanceOf(MlflowException);
    expect((error as MlflowException).errorCode).toBe("INVALID_PARAMETER_VALUE");
    expect((error as Error).message).toMatch(/^Le paramètre alpha a déjà la valeur 0.5 dans ce run/);
    expect((error as Error).message).toMatch(/\(INVALID_PARAMETER_VALUE\)$/);
  });

  it("says so when the tracking server cannot be reached", async () => {
    mlflow.setTrackingUri("http://127.0.0.1:9");
    const error = await mlflow.setExperiment("x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrackingServerUnreachable);
    expect((error as Error).message).toContain("Impossible de joindre le serveur de suivi à http://127.0.0.1:9");
  });

  it("keeps another workspace's runs out of reach", async () => {
    await mlflow.setExperiment(uniqueName("exp"));
    const run = await mlflow.startRun();
    await mlflow.endRun();
    const other = mlflowApi(await createTestWorkspace());
    const response = await other.get("runs/get", { run_id: run.info.runId });
    expect(response.status).toBe(404);
    expect(response.json.error_code).toBe("RESOURCE_DOES_NOT_EXIST");
  });
});
