/**
 * MLflow's proxied artifact service as served: `/api/2.0/mlflow-artifacts/<path>` for the
 * `default` workspace, `/w/<workspaceId>/api/2.0/mlflow-artifacts/<path>` for a learner's. The
 * workspace is checked here, as for the REST API, before its storage is opened.
 */
import { getArtifactStorage, type ArtifactStorage } from "@/lib/server/artifacts";
import { serveArtifactRequest } from "@/lib/server/artifacts/http";
import { changeFeed, changeOfArtifactWrite } from "@/lib/server/changes";
import { errorResponse } from "@/lib/server/rest";
import { assertWorkspace } from "@/lib/server/workspaces";
import { defaultWorkspaceMode } from "@/lib/server/workspaces/default-mode";
import { artifactRequestRefusal } from "./default-workspace-access";

async function openStorage(workspaceId: string): Promise<ArtifactStorage> {
  await assertWorkspace(workspaceId);
  return getArtifactStorage(workspaceId);
}

export function handleArtifactRequest(
  workspaceId: string,
  method: string,
  pathSegments: readonly string[],
  request: Request,
): Promise<Response> {
  const refusal = artifactRequestRefusal(defaultWorkspaceMode(), workspaceId, method);
  if (refusal) return Promise.resolve(errorResponse(refusal, request));
  return serveArtifactRequest(method, pathSegments, request, () => openStorage(workspaceId)).then((response) => {
    if (response.ok && (method === "PUT" || method === "DELETE")) publishArtifactWrite(workspaceId, pathSegments);
    return response;
  });
}

/** An upload or deletion under `artifacts/<experiment_id>/<run_id>/artifacts/…` changed that run. */
function publishArtifactWrite(workspaceId: string, pathSegments: readonly string[]): void {
  const scope = changeOfArtifactWrite(pathSegments.slice(1).join("/"));
  if (scope) changeFeed().bus.publish(workspaceId, scope);
}
