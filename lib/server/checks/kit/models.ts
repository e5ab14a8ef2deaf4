import { parse } from "yaml";
import type { Run } from "@/lib/server/tracking/entities";
import { ENVIRONMENT_FILE, JS_FUNCTION_FLAVOR, MLMODEL_FILE } from "@/lib/tracking/models/mlmodel";
import type { RunArtifacts } from "./artifacts";
import { tagOf } from "./runs";

/**
 * The models a run logged, read the way MLflow finds them: the run's `mlflow.log-model.history`
 * tag says where each one went, and each folder's `MLmodel` says what it is (for the checks of
 * blocs 15 to 17: a custom model, its environment, its reload).
 */

/** A custom model (generic flavor, stored as code) as its MLmodel describes it. */
export interface LoggedCustomModel {
  /** The model's folder in the run's artifacts (`sklearn_pyfunc_model`). */
  artifactPath: string;
  /** The model's code file, relative to its folder (`sklearn-wrapper.ts`). */
  codeFile: string;
  /** Artifact name → its path relative to the model's folder (`artifacts/sklearn_model`). */
  artifacts: Record<string, string>;
}

/** Where the run's models went, in logging order (`mlflow.log-model.history`). */
export function loggedModelPaths(run: Run): string[] {
  let history: unknown;
  try {
    history = JSON.parse(tagOf(run, "mlflow.log-model.history") ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(history)) return [];
  return history.flatMap((entry: unknown) => {
    const path = (entry as { artifact_path?: unknown } | null)?.artifact_path;
    return typeof path === "string" ? [path] : [];
  });
}

/** The run's custom models, newest first: those whose MLmodel has the generic flavor with model code. */
export async function customModelsOf(run: Run, artifacts: RunArtifacts): Promise<LoggedCustomModel[]> {
  const found: LoggedCustomModel[] = [];
  for (const artifactPath of loggedModelPaths(run).reverse()) {
    const text = await artifacts.readText(`${artifactPath}/${MLMODEL_FILE}`);
    if (text === null) continue;
    let flavor: { model_code?: unknown; artifacts?: unknown } | undefined;
    try {
      flavor = (parse(text) as { flavors?: Record<string, typeof flavor> } | null)?.flavors?.[JS_FUNCTION_FLAVOR];
    } catch {
      continue;
    }
    if (typeof flavor?.model_code !== "string") continue;
    const entries = Object.entries((flavor.artifacts ?? {}) as Record<string, { path?: unknown }>);
    const modelArtifacts = Object.fromEntries(entries.flatMap(([name, entry]) => (typeof entry?.path === "string" ? [[name, entry.path]] : [])));
    found.push({ artifactPath, codeFile: flavor.model_code, artifacts: modelArtifacts });
  }
  return found;
}

/** The model's environment file (`package.json` with exact versions), or null when it is missing. */
export function environmentOf(model: LoggedCustomModel, artifacts: RunArtifacts): Promise<string | null> {
  return artifacts.readText(`${model.artifactPath}/${ENVIRONMENT_FILE}`);
}
