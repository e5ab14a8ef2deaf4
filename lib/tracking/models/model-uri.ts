import { HttpArtifactRepository } from "../artifact-repository";
import { MlflowClient } from "../client";
import { getTrackingUri } from "../config";
import { MlflowException } from "../exceptions";
import { isDirectory } from "../local-files";
import { ArtifactModelFiles, LocalModelFiles, type ModelFiles } from "./model-files";

/**
 * Model URIs, resolved as MLflow's artifact repositories do (mlflow/store/artifact/
 * runs_artifact_repo.py, models_artifact_repo.py): `runs:/<run_id>/<path>`,
 * `models:/<name>/<version>`, `models:/<name>/<stage>`, `models:/<name>/latest`,
 * `models:/<name>@<alias>`, `mlflow-artifacts:/…`, or a local folder written by `saveModel`.
 */

const RUNS_URI = /^runs:\/([^/]+)\/(.+)$/;
const MODELS_ALIAS_URI = /^models:\/([^/@]+)@([^/]+)$/;
const MODELS_VERSION_URI = /^models:\/([^/@]+)\/([^/]+)$/;

function invalidUri(uri: string, english: string, french: string): MlflowException {
  return MlflowException.local("INVALID_PARAMETER_VALUE", english, `${french} (URI reçue : « ${uri} »)`);
}

/** The version a `models:/` URI designates (MLflow's `_get_model_version_from_model_uri`). */
export async function resolveModelVersion(client: MlflowClient, uri: string): Promise<{ name: string; version: string }> {
  const alias = MODELS_ALIAS_URI.exec(uri);
  if (alias) {
    const [, name = "", aliasName = ""] = alias;
    return { name, version: (await client.getModelVersionByAlias(name, aliasName)).version };
  }
  const match = MODELS_VERSION_URI.exec(uri);
  if (!match) {
    throw invalidUri(
      uri,
      `Not a proper models:/ URI: ${uri}. Models URIs must be of the form 'models:/model_name/suffix' or 'models:/model_name@alias'`,
      "URI de modèle invalide : écrivez models:/<nom>/<version>, models:/<nom>/<stage> ou models:/<nom>@<alias>",
    );
  }
  const [, name = "", suffix = ""] = match;
  if (/^\d+$/.test(suffix)) return { name, version: suffix };
  const stages = suffix.toLowerCase() === "latest" ? undefined : [suffix];
  const versions = await client.getLatestVersions(name, stages);
  const latest = versions.reduce<string | undefined>(
    (best, candidate) => (best === undefined || Number(candidate.version) > Number(best) ? candidate.version : best),
    undefined,
  );
  if (latest === undefined) {
    throw MlflowException.local(
      "RESOURCE_DOES_NOT_EXIST",
      `No versions of model with name '${name}' and stage '${suffix}' found`,
      `Aucune version du modèle « ${name} » n'est au stage « ${suffix} »`,
    );
  }
  return { name, version: latest };
}

/** Where the files of the model at `modelUri` are. */
export async function resolveModelFiles(modelUri: string, client = new MlflowClient(getTrackingUri())): Promise<ModelFiles> {
  if (typeof modelUri !== "string" || modelUri.trim() === "") {
    throw invalidUri(String(modelUri), "A model URI is required", "Donnez l'URI du modèle à charger, par exemple runs:/<run_id>/model");
  }
  const runs = RUNS_URI.exec(modelUri);
  if (runs) {
    const [, runId = "", path = ""] = runs;
    return new ArtifactModelFiles(await client.artifactRepository(runId), path.replace(/\/+$/, ""), modelUri);
  }
  if (modelUri.startsWith("runs:")) {
    throw invalidUri(
      modelUri,
      `Not a proper runs:/ URI: ${modelUri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'`,
      "URI de run invalide : écrivez runs:/<run_id>/<chemin du modèle>, par exemple runs:/abc123…/model",
    );
  }
  if (modelUri.startsWith("models:")) {
    const { name, version } = await resolveModelVersion(client, modelUri);
    const downloadUri = await client.getModelVersionDownloadUri(name, version);
    if (downloadUri.startsWith("runs:") || downloadUri.startsWith("models:")) return resolveModelFiles(downloadUri, client);
    return new ArtifactModelFiles(new HttpArtifactRepository(downloadUri, client.trackingUri), "", modelUri);
  }
  if (modelUri.startsWith("mlflow-artifacts:")) {
    return new ArtifactModelFiles(new HttpArtifactRepository(modelUri, client.trackingUri), "", modelUri);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(modelUri) && !modelUri.startsWith("file:")) {
    throw invalidUri(
      modelUri,
      `Unsupported model URI scheme: ${modelUri}`,
      "Schéma d'URI de modèle non pris en charge : utilisez runs:/, models:/, mlflow-artifacts:/ ou un dossier local",
    );
  }
  const localPath = modelUri.replace(/^file:\/\//, "");
  const isFolder = await isDirectory(localPath).catch(() => false);
  if (!isFolder) {
    throw MlflowException.local(
      "RESOURCE_DOES_NOT_EXIST",
      `Could not find a model at local path '${localPath}'`,
      `Aucun dossier de modèle à « ${localPath} »`,
    );
  }
  return new LocalModelFiles(localPath);
}
