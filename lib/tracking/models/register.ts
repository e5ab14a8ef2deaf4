import { MlflowClient } from "../client";
import { getTrackingUri } from "../config";
import type { ModelVersion } from "../entities";
import { registerModelSource } from "./log-model";
import { resolveModelVersion } from "./model-uri";

/**
 * Registers the model at `modelUri` (`runs:/<run_id>/<path>`, `models:/…` or an artifact URI) as
 * a new version of `name`, creating the registered model if needed (mirrors `mlflow.register_model`).
 */
export async function registerModel(modelUri: string, name: string): Promise<ModelVersion> {
  const client = new MlflowClient(getTrackingUri());
  let source = modelUri;
  let runId: string | undefined;
  const runs = /^runs:\/([^/]+)\/(.+)$/.exec(modelUri);
  if (runs) {
    runId = runs[1] ?? "";
    source = `${(await client.artifactRepository(runId)).artifactUri}/${runs[2] ?? ""}`;
  } else if (modelUri.startsWith("models:")) {
    const { name: sourceName, version } = await resolveModelVersion(client, modelUri);
    source = await client.getModelVersionDownloadUri(sourceName, version);
    runId = (await client.getModelVersion(sourceName, version)).runId;
  }
  const version = await registerModelSource(client, modelUri, source, runId, name);
  return client.getModelVersion(name, version);
}
