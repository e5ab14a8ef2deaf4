/**
 * The pages' MLflow client: the live panel's reads and the tracking pages' writes (create,
 * rename, delete, restore) call the workspace's REST API through the protocol's endpoint list,
 * with `callEndpoint`, as the SDK does. A refusal is a `TrackingError` carrying MLflow's code.
 */
import { callEndpoint } from "@/lib/tracking/call-endpoint";
import type { EndpointName, EndpointRequest, EndpointResponse } from "@/lib/tracking/protocol/endpoints";
import { TrackingError } from "@/lib/tracking/protocol/errors";

/** The tracking URI of a learner's workspace as the pages reach it: `/w/<id>`, same origin as the page, whatever the host name. */
export function workspaceTrackingUri(workspaceId: string): string {
  return `/w/${encodeURIComponent(workspaceId)}`;
}

/** Calls one MLflow endpoint from the browser, never answered from the HTTP cache. */
export function callMlflow<N extends EndpointName>(
  trackingUri: string,
  name: N,
  request: EndpointRequest<N>,
  signal?: AbortSignal,
): Promise<EndpointResponse<N>> {
  return callEndpoint(trackingUri, name, request, { signal, cache: "no-store" });
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
