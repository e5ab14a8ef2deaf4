/**
 * Browser calls to the workspace's MLflow REST API: the pages write (create, rename, delete,
 * restore) through the same endpoints any MLflow client uses.
 */
import { TrackingError } from "@/lib/tracking/protocol/errors";

/** `/w/<id>` for a learner's workspace: same origin as the page, whatever the host name. */
export function workspaceApiBase(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}/api/2.0/mlflow`;
}

export async function mlflowPost<T = unknown>(base: string, endpoint: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${base}/${endpoint}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
    signal,
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : {};
  if (!response.ok) throw TrackingError.fromBody(parsed, response.status);
  return parsed as T;
}

/** A French sentence for a failed write, keeping MLflow's message for precision. */
export function describeWriteError(error: unknown): string {
  if (error instanceof TrackingError) {
    switch (error.errorCode) {
      case "RESOURCE_ALREADY_EXISTS":
        return `Ce nom est déjà pris (MLflow : ${error.message})`;
      case "INVALID_PARAMETER_VALUE":
        return `Valeur refusée (MLflow : ${error.message})`;
      case "RESOURCE_DOES_NOT_EXIST":
        return `Introuvable : peut-être déjà supprimé (MLflow : ${error.message})`;
      case "ENDPOINT_NOT_FOUND":
        return "Ce serveur ne propose pas encore cette opération.";
      default:
        return `Le serveur de suivi a refusé l'opération (MLflow : ${error.message})`;
    }
  }
  return "Le serveur de suivi ne répond pas. Réessayez dans un instant.";
}
