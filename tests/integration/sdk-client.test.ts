/**
 * `MlflowClient` in Node against the real server: experiments, runs, metric history and the
 * model registry as blocs 24 to 27 use them (stages with archiving, aliases, version tags).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ElasticNet } from "@/lib/ml";
import * as mlflow from "@/lib/tracking";
import { MlflowException } from "@/lib/tracking";
import { resetTrackingUri } from "@/lib/tracking/runner-hooks";
import { closeTestDb, createTestWorkspace, uniqueName } from "./helpers";
import { courseSplit, useWorkspace } from "./sdk-support";

let workspaceId: string;
let client: mlflow.MlflowClient;

beforeAll(async () => {
  workspaceId = await createTestWorkspace();
});

afterAll(async () => {
  resetTrackingUri();
  await closeTestDb();
});

beforeEach(() => {
  useWorkspace(workspaceId);
  client = new mlflow.MlflowClient();
});

async function errorOf(promise: Promise<unknown>): Promise<MlflowException> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(MlflowException);
  return error as MlflowException;
}

describe("experiments and runs", () => {
  it("creates, finds, renames, tags, deletes and restores experiments", async () => {
    const name = uniqueName("exp-client");
    const id = await mlflow.createExperiment(name, { tags: { equipe: "vin" } });
    expect((await mlflow.getExperimentByName(name))?.tags).toEqual({ equipe: "vin" });
    await client.renameExperiment(id, `${name}-v2`);
    await client.setExperimentTag(id, "stade", "dev");
    await client.deleteExperimentTag(id, "equipe");
    expect(await client.getExperiment(id)).toMatchObject({ name: `${name}-v2`, tags: { stade: "dev" } });
    const found = await client.searchExperiments({ filterString: `name = '${name}-v2'` });
    expect(found.items.map((experiment) => experiment.experimentId)).toEqual([id]);
    await client.deleteExperiment(id);
    expect((await client.getExperiment(id)).lifecycleStage).toBe("deleted");
    await expect(mlflow.setExperiment({ experimentId: id })).rejects.toThrow(/supprimée/);
    await client.restoreExperiment(id);
    expect((await client.getExperiment(id)).lifecycleStage).toBe("active");
  });

  it("keeps metric history, updates, deletes and restores runs, deletes tags", async () => {
    await mlflow.setExperiment(uniqueName("exp-client"));
    const run = await mlflow.startRun();
    for (const [step, value] of [0.9, 0.8, 0.7].entries()) await mlflow.logMetric("rmse", value, { step });
    await mlflow.logMetrics({ mae: 0.6, r2: 0.1 }, { step: 3 });
    await mlflow.setTags({ a: 1, b: true });
    await mlflow.endRun();
    const history = await client.getMetricHistory(run.info.runId, "rmse");
    expect(history.map((metric) => [metric.step, metric.value])).toEqual([[0, 0.9], [1, 0.8], [2, 0.7]]);
    await client.deleteTag(run.info.runId, "a");
    await client.updateRun(run.info.runId, { name: "renomme" });
    const stored = await client.getRun(run.info.runId);
    expect(stored.data.tags.b).toBe("True");
    expect(stored.data.tags.a).toBeUndefined();
    expect(stored.info.runName).toBe("renomme");
    expect(stored.data.metrics).toMatchObject({ mae: 0.6, r2: 0.1, rmse: 0.7 });
    await client.deleteRun(run.info.runId);
    expect((await client.getRun(run.info.runId)).info.lifecycleStage).toBe("deleted");
    await client.restoreRun(run.info.runId);
    expect((await client.getRun(run.info.runId)).info.lifecycleStage).toBe("active");
  });

  it("refuses a metric that is not a number, and logs NaN as MLflow does", async () => {
    await mlflow.setExperiment(uniqueName("exp-client"));
    const run = await mlflow.startRun();
    const error = await errorOf(mlflow.logMetric("rmse", "0.7" as never));
    expect(error.errorCode).toBe("INVALID_PARAMETER_VALUE");
    expect(error.message).toBe('La métrique rmse doit être un nombre (reçu : le texte "0.7") (INVALID_PARAMETER_VALUE)');
    await mlflow.logMetric("nan", Number.NaN);
    await mlflow.logMetrics({ inf: Infinity });
    await mlflow.endRun();
    const metrics = (await client.getRun(run.info.runId)).data.metrics;
    expect(metrics.nan).toBeNaN();
    expect(metrics.inf).toBe(Infinity);
  });
});

describe("model registry", () => {
  it("runs the registry workflow of blocs 24 to 27", async () => {
    const { XTrain, yTrain } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-registry"));
    const name = uniqueName("ElasticNet-Production-Model");
    const created = await client.createRegisteredModel(name, { tags: { domaine: "vin" }, description: "Qualité du vin" });
    expect(created).toMatchObject({ name, description: "Qualité du vin", tags: { domaine: "vin" } });
    const duplicate = await errorOf(client.createRegisteredModel(name));
    expect(duplicate.errorCode).toBe("RESOURCE_ALREADY_EXISTS");

    const versions: string[] = [];
    for (const alpha of [0.5, 0.3, 0.1]) {
      const model = new ElasticNet({ alpha, l1Ratio: 0.5 }).fit(XTrain, yTrain);
      const info = await mlflow.startRun({}, () => mlflow.sklearn.logModel(model, "model"));
      versions.push((await mlflow.registerModel(info.modelUri, name)).version);
    }
    expect(versions).toEqual(["1", "2", "3"]);
    const v1 = await client.getModelVersion(name, "1");
    expect(v1.source).toMatch(/^mlflow-artifacts:\/.*\/artifacts\/model$/);
    expect(await client.getModelVersionDownloadUri(name, 1)).toBe(v1.source);

    await client.transitionModelVersionStage(name, 1, "Staging");
    await client.transitionModelVersionStage(name, 2, "Staging", true);
    expect((await client.getModelVersion(name, 1)).currentStage).toBe("Archived");
    expect((await client.getLatestVersions(name, ["Staging"])).map((version) => version.version)).toEqual(["2"]);

    await client.setRegisteredModelAlias(name, "champion", 3);
    expect((await client.getModelVersionByAlias(name, "champion")).version).toBe("3");
    expect((await client.getRegisteredModel(name)).aliases).toEqual({ champion: "3" });
    await client.deleteRegisteredModelAlias(name, "champion");
    expect((await errorOf(client.getModelVersionByAlias(name, "champion"))).errorCode).toBe("RESOURCE_DOES_NOT_EXIST");

    await client.setModelVersionTag(name, 2, "rmse", 0.74);
    await client.setModelVersionTag(name, 2, "commentaire", "promu");
    await client.deleteModelVersionTag(name, 2, "commentaire");
    await client.updateModelVersion(name, 2, "Meilleur rmse");
    expect(await client.getModelVersion(name, 2)).toMatchObject({ tags: { rmse: "0.74" }, description: "Meilleur rmse" });

    const search = await client.searchModelVersions({ filterString: `name = '${name}'` });
    expect(search.items.map((version) => version.version).sort()).toEqual(["1", "2", "3"]);
    const byRun = await client.searchModelVersions({ filterString: `run_id = '${v1.runId}'` });
    expect(byRun.items.map((version) => version.version)).toEqual(["1"]);

    await client.setRegisteredModelTag(name, "equipe", "data");
    await client.deleteRegisteredModelTag(name, "domaine");
    await client.updateRegisteredModel(name, "Modèle du cours");
    expect(await client.getRegisteredModel(name)).toMatchObject({ tags: { equipe: "data" }, description: "Modèle du cours" });
    const models = await client.searchRegisteredModels({ filterString: `name = '${name}'` });
    expect(models.items.map((model) => model.name)).toEqual([name]);

    await client.deleteModelVersion(name, 1);
    expect((await errorOf(client.getModelVersion(name, 1))).errorCode).toBe("RESOURCE_DOES_NOT_EXIST");
    const renamed = await client.renameRegisteredModel(name, `${name}-v2`);
    expect(renamed.name).toBe(`${name}-v2`);
    await client.deleteRegisteredModel(`${name}-v2`);
    expect((await errorOf(client.getRegisteredModel(`${name}-v2`))).errorCode).toBe("RESOURCE_DOES_NOT_EXIST");
  });
});
