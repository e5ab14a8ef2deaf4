/**
 * The MLflow REST API as served: every surface's handler table in one dispatcher, and the
 * per-request context they share. `/api/2.0/mlflow/<path>` serves the `default` workspace,
 * `/w/<workspaceId>/api/2.0/mlflow/<path>` a learner's: route handlers only pass the workspace id,
 * the method, the path segments and the request.
 *
 * A new surface brings its table (and the context it needs) and is added here, once in each.
 */
import { getArtifactStorage } from "@/lib/server/artifacts";
import { changeFeed, changeOfRequest } from "@/lib/server/changes";
import { getRegistryStore } from "@/lib/server/registry";
import { registryServerEndpoints, type RegistryEndpointContext } from "@/lib/server/registry/rest-handlers";
import { createRestDispatcher, errorResponse } from "@/lib/server/rest";
import { getTrackingStore } from "@/lib/server/tracking";
import { trackingServerEndpoints, type TrackingEndpointContext } from "@/lib/server/tracking/rest-handlers";
import { assertWorkspace } from "@/lib/server/workspaces";
import { defaultWorkspaceMode } from "@/lib/server/workspaces/default-mode";
import { trackWriteWait } from "@/lib/server/db/write-wait";
import { mlflowRequestRefusal } from "./default-workspace-access";

/** Everything a handler may touch, all bound to the request's workspace. */
type MlflowContext = TrackingEndpointContext & RegistryEndpointContext;

/** Every successful write is published on the workspace's change feed, here and nowhere else. */
const dispatch = createRestDispatcher<MlflowContext>({ ...trackingServerEndpoints, ...registryServerEndpoints }, (name, context, request, response) => {
  const scope = changeOfRequest(name, request, response);
  if (scope) changeFeed().bus.publish(context.workspaceId, scope);
});

/** What every API request checks first (the workspace exists), then its stores. */
async function openContext(workspaceId: string): Promise<MlflowContext> {
  await assertWorkspace(workspaceId);
  return {
    workspaceId,
    tracking: await getTrackingStore(workspaceId),
    registry: await getRegistryStore(workspaceId),
    artifacts: getArtifactStorage(workspaceId),
  };
}

export function handleMlflowRequest(
  workspaceId: string,
  method: string,
  pathSegments: readonly string[],
  request: Request,
): Promise<Response> {
  const refusal = mlflowRequestRefusal(defaultWorkspaceMode(), workspaceId, method, pathSegments);
  if (refusal) return Promise.resolve(errorResponse(refusal, request));
  const started = performance.now();
  const { result, waitedMs } = trackWriteWait(() => dispatch(method, pathSegments, request, () => openContext(workspaceId)));
  return result.then((response) => withServerTiming(response, started, waitedMs()));
}

/**
 * The request's time in the handler, as `Server-Timing: app;dur=<ms>`, readable cross-origin
 * (learner code runs on an opaque origin): bench/run-loop splits each SDK call into the
 * server's part and the rest (network, Next's routing). Two clock reads per request. A request
 * that wrote through a transaction on SQLite also says how long of it was spent waiting for the
 * writer (`db-wait`, write-wait.ts): bench/class tells queueing from work with it.
 */
function withServerTiming(response: Response, started: number, writeWaitMs: number): Response {
  try {
    const wait = writeWaitMs > 0 ? `, db-wait;dur=${writeWaitMs.toFixed(1)}` : "";
    response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(1)}${wait}`);
    response.headers.set("Timing-Allow-Origin", "*");
    response.headers.append("Access-Control-Expose-Headers", "Server-Timing");
  } catch {
    // A response with immutable headers (none today) goes out without the figure.
  }
  return response;
}
