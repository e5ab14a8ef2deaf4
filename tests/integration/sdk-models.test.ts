/**
 * Autologging and kit models through the SDK, in Node, against the real server: what blocs 10,
 * 13, 14, 17 and 24 rely on. Numbers are compared with the Python course's fixtures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { DummyRegressor, ElasticNet } from "@/lib/ml";
import * as mlflow from "@/lib/tracking";
import { MlflowException } from "@/lib/tracking";
import { finishScript } from "@/lib/tracking/runner-hooks";
import { uniqueName } from "./helpers";
import { FIXTURES, courseSplit, temporaryFolder, workspacePerFile } from "./sdk-support";

const metricsFixture = JSON.parse(readFileSync(path.join(FIXTURES, "metrics.json"), "utf8")) as {
  mlflow_autolog_training_metrics: Record<string, number>;
};

workspacePerFile();
const local = temporaryFolder();

afterAll(() => local.remove());

describe("autolog", () => {
  it("logs params, training metrics equal to MLflow's and the model at fit, in the active run", async () => {
    const { XTrain, yTrain, XTest } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-autolog"));
    mlflow.autolog();
    const runId = await mlflow.startRun({}, async (run) => {
      new ElasticNet({ alpha: 0.5, l1Ratio: 0.5, randomState: 42 }).fit(XTrain, yTrain);
      return run.info.runId;
    });
    const client = new mlflow.MlflowClient();
    const run = await client.getRun(runId);
    expect(run.data.params).toMatchObject({ alpha: "0.5", l1_ratio: "0.5", random_state: "42", max_iter: "1000", fit_intercept: "True" });
    expect(run.data.metrics).toEqual(metricsFixture.mlflow_autolog_training_metrics);
    expect(run.data.tags).toMatchObject({ estimator_name: "ElasticNet", estimator_class: "cuvee.ml.ElasticNet" });
    expect((await client.listArtifacts(runId, "model")).map((file) => file.path).sort()).toEqual([
      "model/MLmodel",
      "model/model.json",
      "model/package.json",
    ]);
    const reloaded = await mlflow.sklearn.loadModel(`runs:/${runId}/model`);
    const original = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5, randomState: 42 });
    mlflow.autolog({ disable: true });
    expect(reloaded.predict(XTest)).toEqual(original.fit(XTrain, yTrain).predict(XTest));
  });

  it("gives each fit its own run when none is active, and lastActiveRun finds it", async () => {
    const { XTrain, yTrain } = await courseSplit();
    const experiment = await mlflow.setExperiment(uniqueName("exp-autolog"));
    mlflow.autolog({ logModels: false });
    new DummyRegressor({ strategy: "mean" }).fit(XTrain, yTrain);
    const last = await mlflow.lastActiveRun();
    expect(mlflow.activeRun()).toBeUndefined();
    expect(last?.info).toMatchObject({ status: "FINISHED", experimentId: experiment.experimentId });
    expect(last?.data.params).toEqual({ constant: "None", quantile: "None", strategy: "mean" });
    expect(last?.data.tags["mlflow.autologging"]).toBe("cuvee_ml");
    expect(Object.keys(last?.data.metrics ?? {}).sort()).toEqual([
      "training_mean_absolute_error",
      "training_mean_squared_error",
      "training_r2_score",
      "training_root_mean_squared_error",
      "training_score",
    ]);
    mlflow.autolog({ disable: true });
    new DummyRegressor().fit(XTrain, yTrain);
    await finishScript({ failed: false });
    expect((await mlflow.searchRuns({ experimentIds: [experiment.experimentId] })).length).toBe(1);
  });
});

describe("kit models", () => {
  it("logs a model with signature and input example, in MLflow's MLmodel format, and loads it back", async () => {
    const { XTrain, yTrain, XTest } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-models"));
    const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    const signature = mlflow.models.inferSignature(XTrain, model.predict(XTrain));
    const info = await mlflow.startRun({}, () =>
      mlflow.sklearn.logModel(model, "wine_model", { signature, inputExample: XTrain.head(3) }),
    );
    expect(info.modelUri).toBe(`runs:/${info.runId}/wine_model`);

    const client = new mlflow.MlflowClient();
    const folder = await client.downloadArtifacts(info.runId, "wine_model", local.dir);
    const mlmodel = parseYaml(readFileSync(path.join(folder, "MLmodel"), "utf8")) as Record<string, any>;
    expect(mlmodel).toMatchObject({
      artifact_path: "wine_model",
      run_id: info.runId,
      flavors: {
        cuvee_ml: { estimator: "ElasticNet", model_data: "model.json", serialization_format: "json" },
        js_function: { loader_module: "mlflow.cuvee_ml", model_path: "model.json", env: { npm: "package.json" } },
      },
      saved_input_example_info: { artifact_path: "input_example.json", type: "dataframe", pandas_orient: "split" },
    });
    expect(mlmodel.model_uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(mlmodel.signature.inputs)[0]).toEqual({ type: "double", name: "fixed acidity", required: true });
    expect(JSON.parse(mlmodel.signature.outputs)).toEqual([{ type: "tensor", "tensor-spec": { dtype: "float64", shape: [-1] } }]);
    expect(mlmodel.signature.inputs).toContain('{"type": "double", "name": "fixed acidity", "required": true}');
    const example = JSON.parse(readFileSync(path.join(folder, "input_example.json"), "utf8"));
    expect(example.columns).toEqual(XTrain.columns);
    expect(example.data).toEqual(XTrain.head(3).toArray());
    const environment = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8"));
    expect(environment.dependencies).toEqual({ cuvee: "0.1.0" });

    const history = JSON.parse((await client.getRun(info.runId)).data.tags["mlflow.log-model.history"] ?? "[]");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ artifact_path: "wine_model", run_id: info.runId });

    for (const uri of [info.modelUri, folder]) {
      const reloaded = await mlflow.sklearn.loadModel(uri);
      expect(reloaded).toBeInstanceOf(ElasticNet);
      expect(reloaded.predict(XTest)).toEqual(model.predict(XTest));
    }
  });

  it("saves a model to a local folder, and refuses to overwrite one", async () => {
    const { XTrain, yTrain } = await courseSplit();
    const model = new DummyRegressor().fit(XTrain, yTrain);
    const target = path.join(local.dir, "dummy-model");
    await mlflow.sklearn.saveModel(model, target, { extraDependencies: { "left-pad": "1.3.0" } });
    const reloaded = (await mlflow.sklearn.loadModel(target)) as DummyRegressor;
    expect(reloaded.constant).toBe(model.constant);
    expect(JSON.parse(readFileSync(path.join(target, "package.json"), "utf8")).dependencies).toEqual({ cuvee: "0.1.0", "left-pad": "1.3.0" });
    const again = await mlflow.sklearn.saveModel(model, target).catch((error: unknown) => error);
    expect((again as MlflowException).errorCode).toBe("RESOURCE_ALREADY_EXISTS");
    const unpinned = await mlflow.sklearn.saveModel(model, path.join(local.dir, "x"), { extraDependencies: { lib: "^1.0.0" } }).catch((e: unknown) => e);
    expect((unpinned as Error).message).toMatch(/épinglée à une version exacte/);
  });

  it("registers while logging, and loads by version, stage, alias and latest", async () => {
    const { XTrain, yTrain, XTest } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-registry"));
    const name = uniqueName("ElasticNet-Production-Model");
    const first = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    const second = new ElasticNet({ alpha: 0.2, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    const v1 = await mlflow.startRun({}, () => mlflow.sklearn.logModel(first, "model", { registeredModelName: name }));
    const v2 = await mlflow.startRun({}, () => mlflow.sklearn.logModel(second, "model", { registeredModelName: name }));
    expect([v1.registeredModelVersion, v2.registeredModelVersion]).toEqual(["1", "2"]);

    const client = new mlflow.MlflowClient();
    const version = await client.getModelVersion(name, 1);
    expect(version).toMatchObject({ name, version: "1", runId: v1.runId, currentStage: "None" });
    await client.transitionModelVersionStage(name, 1, "Staging");
    await client.setRegisteredModelAlias(name, "champion", 2);

    const expected = (model: ElasticNet) => model.predict(XTest);
    expect((await mlflow.sklearn.loadModel(`models:/${name}/1`)).predict(XTest)).toEqual(expected(first));
    expect((await mlflow.sklearn.loadModel(`models:/${name}/Staging`)).predict(XTest)).toEqual(expected(first));
    expect((await mlflow.sklearn.loadModel(`models:/${name}@champion`)).predict(XTest)).toEqual(expected(second));
    expect((await mlflow.sklearn.loadModel(`models:/${name}/latest`)).predict(XTest)).toEqual(expected(second));
  });

  it("explains unknown model URIs in French, with MLflow's codes", async () => {
    const cases: [string, string, RegExp][] = [
      ["runs:/0123456789abcdef0123456789abcdef/model", "RESOURCE_DOES_NOT_EXIST", /introuvable/],
      ["models:/pas-de-modele-ici/1", "RESOURCE_DOES_NOT_EXIST", /pas-de-modele-ici/],
      ["models:/nom", "INVALID_PARAMETER_VALUE", /^URI de modèle invalide/],
      ["runs:/abc", "INVALID_PARAMETER_VALUE", /^URI de run invalide/],
      ["s3://bucket/model", "INVALID_PARAMETER_VALUE", /^Schéma d'URI de modèle non pris en charge/],
      [path.join(local.dir, "nowhere"), "RESOURCE_DOES_NOT_EXIST", /^Aucun dossier de modèle/],
    ];
    for (const [uri, code, message] of cases) {
      const error = await mlflow.sklearn.loadModel(uri).catch((caught: unknown) => caught);
      expect(error, uri).toBeInstanceOf(MlflowException);
      expect((error as MlflowException).errorCode, uri).toBe(code);
      expect((error as Error).message, uri).toMatch(message);
    }
    await mlflow.setExperiment(uniqueName("exp-models"));
    const run = await mlflow.startRun();
    await mlflow.endRun();
    const noModel = await mlflow.sklearn.loadModel(`runs:/${run.info.runId}/model`).catch((caught: unknown) => caught);
    expect((noModel as Error).message).toMatch(/^Aucun modèle à « runs:\/.*le fichier MLmodel est introuvable/);
  });
});
