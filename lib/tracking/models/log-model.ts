import { MlflowClient } from "../client";
import { getTrackingUri } from "../config";
import { MlflowException } from "../exceptions";
import { currentRunId } from "../fluent";
import { trackCall } from "../pending";
import { joinPath } from "../local-files";
import { CUVEE_VERSION } from "../version";
import { ENVIRONMENT_FILE, MLMODEL_FILE, mlmodelToYaml, newModelUuid, parseMlmodel, utcTimeCreated, type MlModel, type ModelInfo } from "./mlmodel";
import type { ModelFiles, ModelFolder } from "./model-files";
import { inputExampleFile, type ModelData, type ModelSignature } from "./signature";

/** What every flavor's `logModel` / `saveModel` accepts besides the model itself. */
export interface ModelOptions {
  /** The model's input and output schema (see `mlflow.models.inferSignature`). */
  signature?: ModelSignature;
  /** A few input rows, saved as `input_example.json`. */
  inputExample?: ModelData;
  /**
   * Extra packages the model needs, pinned to exact versions (`{ "some-lib": "1.2.3" }`), added to
   * the model's environment file (MLflow's `extra_pip_requirements`).
   */
  extraDependencies?: Record<string, string>;
}

export interface LogModelOptions extends ModelOptions {
  /** Registers the logged model under this name, creating the registered model if needed. */
  registeredModelName?: string;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export function environmentFile(extra: Record<string, string> = {}): string {
  for (const [name, version] of Object.entries(extra)) {
    if (!EXACT_VERSION.test(version)) {
      throw MlflowException.local(
        "INVALID_PARAMETER_VALUE",
        `Dependency '${name}' must be pinned to an exact version, got '${version}'`,
        `La dépendance ${name} doit être épinglée à une version exacte, comme "1.2.3" (reçu : "${version}")`,
      );
    }
  }
  const dependencies = { cuvee: CUVEE_VERSION, ...extra };
  return `${JSON.stringify({ name: "mlflow-model", private: true, engines: { node: ">=20.19" }, dependencies }, null, 2)}\n`;
}

/** Adds MLmodel, the environment file and the input example to a flavor's files. */
export function completeModelFolder(
  folder: ModelFolder,
  flavors: MlModel["flavors"],
  options: ModelOptions,
  location: { runId?: string; artifactPath?: string } = {},
): MlModel {
  folder.set(ENVIRONMENT_FILE, environmentFile(options.extraDependencies));
  const model: MlModel = {
    ...(location.artifactPath === undefined ? {} : { artifact_path: location.artifactPath }),
    flavors,
    model_uuid: newModelUuid(),
    ...(location.runId === undefined ? {} : { run_id: location.runId }),
    utc_time_created: utcTimeCreated(),
  };
  if (options.inputExample !== undefined) {
    const example = inputExampleFile(options.inputExample);
    folder.set("input_example.json", example.json);
    model.saved_input_example_info = example.info;
  }
  if (options.signature) model.signature = options.signature.toDict();
  folder.set(MLMODEL_FILE, mlmodelToYaml(model));
  return model;
}

/**
 * `Model.log`: writes the folder into the active run's artifacts under `artifactPath`, records it
 * in the run's `mlflow.log-model.history` tag, and registers it when asked.
 */
export function logModelFolder(...args: Parameters<typeof writeModelFolder>): Promise<ModelInfo> {
  // Several requests with awaits between them: pending as a whole, so that an `endRun` that
  // follows a forgotten `await` waits for the last file and the registration too.
  return trackCall(() => writeModelFolder(...args));
}

async function writeModelFolder(
  artifactPath: string,
  buildFolder: (location: { runId: string; artifactPath: string }) => Promise<{ folder: ModelFolder; model: MlModel }>,
  options: LogModelOptions,
  explicitRunId?: string,
): Promise<ModelInfo> {
  if (typeof artifactPath !== "string" || artifactPath === "") {
    throw new TypeError("logModel attend un artifactPath, le dossier du modèle dans le run (par exemple \"model\").");
  }
  const runId = explicitRunId ?? (await currentRunId());
  const client = new MlflowClient(getTrackingUri());
  const { folder, model } = await buildFolder({ runId, artifactPath });
  const repository = await client.artifactRepository(runId);
  for (const [relative, content] of folder) await repository.logBytes(joinPath(artifactPath, relative), content);
  await recordLoggedModel(client, runId, model);
  const info: ModelInfo = {
    artifactPath,
    flavors: model.flavors,
    modelUri: `runs:/${runId}/${artifactPath}`,
    modelUuid: model.model_uuid ?? "",
    runId,
    savedInputExampleInfo: model.saved_input_example_info,
    signature: options.signature,
    utcTimeCreated: model.utc_time_created ?? "",
  };
  if (options.registeredModelName) {
    const version = await registerModelSource(client, info.modelUri, `${repository.artifactUri}/${artifactPath}`, runId, options.registeredModelName);
    info.registeredModelVersion = version;
  }
  return info;
}

/** MLflow's `_record_logged_model`: appends the model to the run's `mlflow.log-model.history` tag. */
async function recordLoggedModel(client: MlflowClient, runId: string, model: MlModel): Promise<void> {
  const run = await client.getRun(runId);
  const previous = run.data.tags["mlflow.log-model.history"];
  let history: unknown[] = [];
  try {
    history = previous ? (JSON.parse(previous) as unknown[]) : [];
  } catch {
    history = [];
  }
  const { signature: _signature, saved_input_example_info: _example, ...summary } = model;
  history.push(summary);
  await client.setTag(runId, "mlflow.log-model.history", JSON.stringify(history));
}

/** `mlflow.register_model`'s core: creates the registered model if needed, then a version from `source`. */
export async function registerModelSource(client: MlflowClient, modelUri: string, source: string, runId: string | undefined, name: string): Promise<string> {
  try {
    await client.createRegisteredModel(name);
    console.log(`Modèle « ${name} » créé dans le registre.`);
  } catch (error) {
    if (!(error instanceof MlflowException && error.errorCode === "RESOURCE_ALREADY_EXISTS")) throw error;
    console.log(`Le modèle « ${name} » existe déjà dans le registre : création d'une nouvelle version…`);
  }
  const version = await client.createModelVersion(name, source, { runId });
  console.log(`Version ${version.version} du modèle « ${version.name} » créée (${modelUri}).`);
  return version.version;
}

/** Reads a model folder's MLmodel, with MLflow's error when there is none. */
export async function readMlmodel(files: ModelFiles): Promise<MlModel> {
  let text: string;
  try {
    text = await files.readText(MLMODEL_FILE);
  } catch (error) {
    const missing =
      (error instanceof MlflowException && (error.errorCode === "RESOURCE_DOES_NOT_EXIST" || error.httpStatus === 404)) ||
      (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT");
    if (!missing) throw error;
    throw MlflowException.local(
      "RESOURCE_DOES_NOT_EXIST",
      `Could not find an "MLmodel" configuration file at "${files.where}"`,
      `Aucun modèle à « ${files.where} » : le fichier MLmodel est introuvable. Vérifiez l'identifiant du run et le chemin du modèle (artifactPath)`,
    );
  }
  return parseMlmodel(text, files.where);
}
