/**
 * The fluent lookups (`getRun`, `searchExperiments`, `searchModelVersions`…), tracking URI rules,
 * and the param rule of MLflow, in Node against the real server.
 */
import { describe, expect, it } from "vitest";
import { ElasticNet } from "@/lib/ml";
import * as mlflow from "@/lib/tracking";
import { MlflowException } from "@/lib/tracking";
import { baseUrl, uniqueName } from "./helpers";
import { courseSplit, workspacePerFile } from "./sdk-support";

const workspace = workspacePerFile();

describe("fluent lookups", () => {
  it("gets, searches and deletes experiments and runs", async () => {
    expect(mlflow.getTrackingUri()).toBe(`${baseUrl()}/w/${workspace.id()}`);
    expect(() => mlflow.setTrackingUri("file:///tmp/mlruns")).toThrow(/URI de suivi non prise en charge/);
    const name = uniqueName("exp-fluent");
    const experiment = await mlflow.setExperiment(name);
    expect((await mlflow.getExperiment(experiment.experimentId)).name).toBe(name);
    expect((await mlflow.searchExperiments({ filterString: `name = '${name}'` })).map((found) => found.experimentId)).toEqual([experiment.experimentId]);

    const run = await mlflow.startRun({ runName: "a-supprimer", tags: { temporaire: "oui" } });
    await mlflow.deleteTag("temporaire");
    await mlflow.endRun();
    const stored = await mlflow.getRun(run.info.runId);
    expect(stored.data.tags.temporaire).toBeUndefined();
    expect((await mlflow.searchRuns({ experimentNames: [name] })).map((found) => found.info.runId)).toEqual([run.info.runId]);
    await mlflow.deleteRun(run.info.runId);
    expect(await mlflow.searchRuns({ experimentNames: [name] })).toEqual([]);
    await mlflow.deleteExperiment(experiment.experimentId);
    expect((await mlflow.getExperiment(experiment.experimentId)).lifecycleStage).toBe("deleted");
  });

  it("searches registered models and their versions", async () => {
    const { XTrain, yTrain } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-fluent"));
    const name = uniqueName("vin");
    const model = new ElasticNet().fit(XTrain, yTrain);
    await mlflow.startRun({}, () => mlflow.sklearn.logModel(model, "model", { registeredModelName: name }));
    expect((await mlflow.searchRegisteredModels({ filterString: `name = '${name}'` })).map((found) => found.name)).toEqual([name]);
    const versions = await mlflow.searchModelVersions({ filterString: `name = '${name}'` });
    expect(versions.map((version) => [version.version, version.currentStage])).toEqual([["1", "None"]]);
  });

  it("refuses a param logged again with another value in a batch, like MLflow, in French", async () => {
    await mlflow.setExperiment(uniqueName("exp-fluent"));
    await mlflow.startRun();
    await mlflow.logParams({ alpha: 0.5, l1_ratio: 0.5 });
    await mlflow.logParams({ alpha: 0.5 });
    const error = await mlflow.logParams({ alpha: 0.1 }).catch((caught: unknown) => caught);
    await mlflow.endRun();
    expect(error).toBeInstanceOf(MlflowException);
    expect((error as Error).message).toMatch(/^Le paramètre alpha a déjà la valeur 0.5 dans ce run : impossible de le changer en 0.1/);
  });
});
