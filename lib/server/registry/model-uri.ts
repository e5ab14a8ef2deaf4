/**
 * MLflow's model URIs (mlflow/store/artifact/utils/models.py `_parse_model_uri`):
 *   models:/<name>/<version>   models:/<name>/<stage>   models:/<name>/latest   models:/<name>@<alias>
 * and run URIs `runs:/<run_id>/<path>`.
 */
import { TrackingError } from "@/lib/tracking/protocol";

export type ModelUri =
  | { kind: "version"; name: string; version: string }
  | { kind: "stage"; name: string; stage: string }
  | { kind: "latest"; name: string }
  | { kind: "alias"; name: string; alias: string };

function invalidModelUri(uri: string): TrackingError {
  return TrackingError.invalidParameterValue(
    `Not a proper models:/ URI: ${uri}. Models URIs must be of the form 'models:/model_name/suffix' ` +
      "or 'models:/model_name@alias' where suffix is a model version, stage, or the string 'latest' " +
      "and where alias is a registered model alias. Only one of suffix or alias can be defined at a time.",
  );
}

export function parseModelUri(uri: string): ModelUri {
  if (!uri.startsWith("models:/")) throw invalidModelUri(uri);
  const path = uri.slice("models:/".length).replace(/^\/+/, "").replace(/\/+$/, "");
  const parts = path.split("/");
  if (parts.length === 1 && parts[0]) {
    const at = parts[0].lastIndexOf("@");
    const name = parts[0].slice(0, at);
    const alias = parts[0].slice(at + 1);
    if (at <= 0 || alias === "") throw invalidModelUri(uri);
    return { kind: "alias", name, alias };
  }
  const [name, suffix] = parts;
  if (parts.length !== 2 || !name || !suffix) throw invalidModelUri(uri);
  if (/^\d+$/.test(suffix)) return { kind: "version", name, version: suffix };
  if (suffix.toLowerCase() === "latest") return { kind: "latest", name };
  return { kind: "stage", name, stage: suffix };
}

/** `runs:/<run_id>/<path>` → its parts (the path may be ""). */
export function parseRunsUri(uri: string): { runId: string; path: string } {
  const rest = uri.slice("runs:/".length).replace(/^\/+/, "");
  const slash = rest.indexOf("/");
  const runId = slash === -1 ? rest : rest.slice(0, slash);
  if (!uri.startsWith("runs:/") || runId === "") {
    throw TrackingError.invalidParameterValue(`Not a proper runs:/ URI: ${uri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'`);
  }
  return { runId, path: slash === -1 ? "" : rest.slice(slash + 1) };
}
