import { Regressor } from "../../ml";
import { MlflowClient } from "../client";
import { getTrackingUri } from "../config";
import { MlflowException } from "../exceptions";
import { baseName, makeTemporaryDirectory, readText } from "../local-files";
import { deserializeEstimator, FLAVOR_NAME as CUVEE_ML_FLAVOR, MODEL_DATA_FILE } from "./cuvee-ml";
import { completeModelFolder, logModelFolder, readMlmodel, type LogModelOptions, type ModelOptions } from "./log-model";
import { ENVIRONMENT_FILE, JS_FUNCTION_FLAVOR, signatureOf, type MlModel, type ModelInfo } from "./mlmodel";
import { evaluateModelCode } from "./model-code";
import { addLocalPath, writeModelFolder, type ModelFiles, type ModelFolder } from "./model-files";
import { resolveModelFiles } from "./model-uri";
import type { ModelData, ModelSignature } from "./signature";

/**
 * `mlflow.pyfunc`: one way to load and call any model, whatever its flavor, and the custom
 * model class (`PythonModel`) whose code and artifacts are stored with the model.
 */

/** What a custom model's `loadContext` and `predict` receive (mirrors `mlflow.pyfunc.PythonModelContext`). */
export interface PythonModelContext {
  /** Artifact name → local path of its copy, downloaded when the model was loaded. */
  readonly artifacts: Readonly<Record<string, string>>;
  /** The `modelConfig` given when the model was logged. */
  readonly modelConfig: Readonly<Record<string, unknown>>;
}

/**
 * A custom model (mirrors `mlflow.pyfunc.PythonModel`): write a class in its own file, end the
 * file with `mlflow.models.setModel(new MyModel())`, and log it with
 * `mlflow.pyfunc.logModel({ artifactPath, pythonModel: "my_model.ts", artifacts })`.
 */
export abstract class PythonModel {
  /** Called once when the model is loaded: load what `context.artifacts` points to (mirrors `load_context`). */
  loadContext(_context: PythonModelContext): void | Promise<void> {}

  /** The model's predictions for `modelInput` (mirrors `predict(context, model_input)`). */
  abstract predict(context: PythonModelContext, modelInput: ModelData): number[] | Promise<number[]>;
}

/** A loaded model, whatever its flavor (mirrors `mlflow.pyfunc.PyFuncModel`). */
export class PyFuncModel {
  constructor(
    /** The model's MLmodel (flavors, signature, run_id…), as Python's `PyFuncModel.metadata`. */
    readonly metadata: MlModel,
    private readonly predictFn: (input: ModelData) => number[] | Promise<number[]>,
    private readonly implementation: unknown,
  ) {}

  /** The model's signature, if one was logged. */
  get signature(): ModelSignature | undefined {
    return signatureOf(this.metadata);
  }

  /** Predictions for `data` (mirrors `PyFuncModel.predict`). Asynchronous: `await` it. */
  async predict(data: ModelData): Promise<number[]> {
    return this.predictFn(data);
  }

  /** The underlying kit estimator or custom model object (mirrors `unwrap_python_model`). */
  unwrapPythonModel(): unknown {
    return this.implementation;
  }
}

export interface PyfuncModelOptions extends ModelOptions {
  /** The path of the file that defines the model class and calls `mlflow.models.setModel(...)`. */
  pythonModel: string;
  /** Name → local path or URI (`runs:/…`, `models:/…`) of files the model needs, copied into the model. */
  artifacts?: Record<string, string>;
  /** Values handed to the model as `context.modelConfig`. */
  modelConfig?: Record<string, unknown>;
}

async function downloadToLocal(client: MlflowClient, uri: string): Promise<string> {
  const tmp = await makeTemporaryDirectory("mlflow-artifact-");
  const runs = /^runs:\/([^/]+)\/?(.*)$/.exec(uri);
  if (runs) return (await client.artifactRepository(runs[1] ?? "")).downloadArtifacts(runs[2] ?? "", tmp);
  if (uri.startsWith("models:") || uri.startsWith("mlflow-artifacts:")) {
    const files = await resolveModelFiles(uri, client);
    return files.download("", tmp);
  }
  return uri;
}

async function buildPyfuncFolder(options: PyfuncModelOptions, location?: { runId: string; artifactPath: string }) {
  if (typeof options.pythonModel !== "string") {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      "python_model must be the path of the model's code file",
      "pythonModel attend le chemin du fichier qui définit le modèle (par exemple \"wine_model.ts\") : un objet JavaScript ne peut pas être enregistré tel quel ; ce fichier se termine par mlflow.models.setModel(new MonModele())",
    );
  }
  const codeFile = baseName(options.pythonModel);
  const folder: ModelFolder = new Map();
  const source = await readText(options.pythonModel);
  // Run it once now, as MLflow validates model code at logging time: a broken file fails here, not at load.
  await evaluateModelCode(source, codeFile);
  folder.set(codeFile, source);
  const client = new MlflowClient(getTrackingUri());
  const artifacts: Record<string, { path: string; uri: string }> = {};
  for (const [name, uri] of Object.entries(options.artifacts ?? {})) {
    const localPath = await downloadToLocal(client, uri);
    artifacts[name] = { path: await addLocalPath(folder, localPath, `artifacts/${name}`), uri };
  }
  const flavors = {
    [JS_FUNCTION_FLAVOR]: {
      loader_module: "mlflow.pyfunc.model",
      model_code: codeFile,
      artifacts,
      model_config: options.modelConfig ?? {},
      env: { npm: ENVIRONMENT_FILE },
    },
  };
  return { folder, model: completeModelFolder(folder, flavors, options, location) };
}

/** Saves a custom model, its code and artifacts to a local folder (mirrors `mlflow.pyfunc.save_model`). */
export async function saveModel(options: PyfuncModelOptions & { path: string }): Promise<void> {
  const { folder } = await buildPyfuncFolder(options);
  await writeModelFolder(folder, options.path);
}

/** Logs a custom model in the active run (mirrors `mlflow.pyfunc.log_model`). */
export function logModel(options: PyfuncModelOptions & LogModelOptions & { artifactPath: string }): Promise<ModelInfo> {
  return logModelFolder(options.artifactPath, (location) => buildPyfuncFolder(options, location), options);
}

async function loadCustomModel(files: ModelFiles, mlmodel: MlModel, flavor: Record<string, unknown>): Promise<PyFuncModel> {
  const codeFile = String(flavor.model_code);
  const model = (await evaluateModelCode(await files.readText(codeFile), codeFile)) as PythonModel;
  const tmp = await makeTemporaryDirectory("mlflow-model-");
  const artifacts: Record<string, string> = {};
  for (const [name, entry] of Object.entries((flavor.artifacts ?? {}) as Record<string, { path: string }>)) {
    artifacts[name] = await files.download(entry.path, tmp);
  }
  const context: PythonModelContext = { artifacts, modelConfig: (flavor.model_config ?? {}) as Record<string, unknown> };
  await model.loadContext?.(context);
  return new PyFuncModel(mlmodel, (input) => model.predict(context, input), model);
}

/**
 * Loads any model as a `PyFuncModel` from `runs:/<run_id>/<path>`, `models:/<name>/<version|stage>`,
 * `models:/<name>@<alias>` or a local folder (mirrors `mlflow.pyfunc.load_model`).
 */
export async function loadModel(modelUri: string): Promise<PyFuncModel> {
  const files = await resolveModelFiles(modelUri);
  const mlmodel = await readMlmodel(files);
  const generic = mlmodel.flavors[JS_FUNCTION_FLAVOR];
  if (mlmodel.flavors[CUVEE_ML_FLAVOR]) {
    const dataFile = typeof generic?.model_path === "string" ? generic.model_path : MODEL_DATA_FILE;
    const estimator = deserializeEstimator(JSON.parse(await files.readText(dataFile)));
    return new PyFuncModel(mlmodel, (input) => estimator.predict(input as Parameters<Regressor["predict"]>[0]), estimator);
  }
  if (generic && typeof generic.model_code === "string") return loadCustomModel(files, mlmodel, generic);
  throw MlflowException.local(
    "RESOURCE_DOES_NOT_EXIST",
    `Model does not have the "${JS_FUNCTION_FLAVOR}" flavor`,
    `Ce modèle ne peut pas être chargé ici : aucune saveur connue (${Object.keys(mlmodel.flavors).join(", ")})`,
  );
}
