/**
 * `mlflow.pyfunc` in Node against the real server: kit models through the generic loader, and a
 * custom model (bloc 15) stored as code plus artifacts and loaded back by running that code.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ElasticNet } from "@/lib/ml";
import * as mlflow from "@/lib/tracking";
import { MlflowException } from "@/lib/tracking";
import { uniqueName } from "./helpers";
import { courseSplit, temporaryFolder, workspacePerFile } from "./sdk-support";

workspacePerFile();
const local = temporaryFolder();

afterAll(() => local.remove());

const WINE_MODEL = `import * as mlflow from "mlflow";
import type { ElasticNet } from "cuvee/ml";

/** Rounds the wrapped ElasticNet's predictions to a tenth, with an offset from the model config. */
class WineModel extends mlflow.pyfunc.PythonModel {
  private model?: ElasticNet;
  private offset = 0;

  async loadContext(context: mlflow.pyfunc.PythonModelContext): Promise<void> {
    this.model = (await mlflow.sklearn.loadModel(context.artifacts.model!)) as ElasticNet;
    this.offset = Number(context.modelConfig.offset ?? 0);
  }

  predict(_context: mlflow.pyfunc.PythonModelContext, modelInput: mlflow.models.ModelData): number[] {
    return this.model!.predict(modelInput as never).map((value) => Math.round(value * 10) / 10 + this.offset);
  }
}

mlflow.models.setModel(new WineModel());
`;

describe("pyfunc", () => {
  it("loads a kit model through the generic flavor", async () => {
    const { XTrain, yTrain, XTest } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-pyfunc"));
    const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    const info = await mlflow.startRun({}, () => mlflow.sklearn.logModel(model, "model"));
    const loaded = await mlflow.pyfunc.loadModel(info.modelUri);
    expect(await loaded.predict(XTest)).toEqual(model.predict(XTest));
    expect(loaded.unwrapPythonModel()).toBeInstanceOf(ElasticNet);
    expect(loaded.metadata.run_id).toBe(info.runId);
  });

  it("stores a custom model as code plus artifacts and loads it back by running the code", async () => {
    const { XTrain, yTrain, XTest } = await courseSplit();
    await mlflow.setExperiment(uniqueName("exp-pyfunc"));
    const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    const codeFile = path.join(local.dir, "wine_model.ts");
    writeFileSync(codeFile, WINE_MODEL);
    const info = await mlflow.startRun({}, async () => {
      const base = await mlflow.sklearn.logModel(model, "model");
      return mlflow.pyfunc.logModel({
        artifactPath: "wine_pyfunc",
        pythonModel: codeFile,
        artifacts: { model: base.modelUri },
        modelConfig: { offset: 1 },
        signature: mlflow.models.inferSignature(XTrain, model.predict(XTrain)),
      });
    });
    const client = new mlflow.MlflowClient();
    const files = (await client.listArtifacts(info.runId, "wine_pyfunc")).map((file) => file.path).sort();
    expect(files).toEqual(["wine_pyfunc/MLmodel", "wine_pyfunc/artifacts", "wine_pyfunc/package.json", "wine_pyfunc/wine_model.ts"]);
    expect(info.flavors.js_function).toMatchObject({ loader_module: "mlflow.pyfunc.model", model_code: "wine_model.ts", artifacts: { model: { path: "artifacts/model" } } });

    const loaded = await mlflow.pyfunc.loadModel(info.modelUri);
    expect(await loaded.predict(XTest)).toEqual(model.predict(XTest).map((value) => Math.round(value * 10) / 10 + 1));
    expect(loaded.signature?.inputNames()?.[0]).toBe("fixed acidity");
  });

  it("explains what a custom model must look like, in French", async () => {
    await mlflow.setExperiment(uniqueName("exp-pyfunc"));
    await mlflow.startRun();
    const instance = await mlflow.pyfunc.logModel({ artifactPath: "m", pythonModel: {} as never }).catch((error: unknown) => error);
    expect(instance).toBeInstanceOf(MlflowException);
    expect((instance as Error).message).toMatch(/^pythonModel attend le chemin du fichier/);
    const relative = path.join(local.dir, "relative.ts");
    writeFileSync(relative, 'import { helper } from "./helper";\nexport default class M { predict() { return helper(); } }\n');
    await expect(mlflow.pyfunc.logModel({ artifactPath: "m", pythonModel: relative })).rejects.toThrow(/importe « \.\/helper »/);
    const silent = path.join(local.dir, "silent.ts");
    writeFileSync(silent, "class M {}\n");
    await expect(mlflow.pyfunc.logModel({ artifactPath: "m", pythonModel: silent })).rejects.toThrow(/doit déclarer son modèle/);
    await mlflow.endRun();
  });
});
