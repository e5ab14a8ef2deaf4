/**
 * One dispatcher for the MLflow REST API, whatever the URL prefix: `/api/2.0/mlflow/<path>` serves
 * the `default` workspace, `/w/<workspaceId>/api/2.0/mlflow/<path>` a learner's workspace.
 * Route handlers only pass the workspace id, the method, the path segments and the request.
 */
import {
  MLFLOW_API_PREFIX,
  TrackingError,
  mlflowEndpoints,
  type EndpointContract,
  type EndpointName,
} from "@/lib/tracking/protocol";
import { DEFAULT_WORKSPACE_ID, ensureWorkspace, isValidWorkspaceId, workspaceExists } from "@/lib/server/workspaces";
import { getTrackingStore } from "../index";
import { serverEndpoints, type ServerEndpoint } from "./handlers";
import { errorResponse, jsonResponse, preflightResponse } from "./http";
import { parseWith, queryToObject, readJsonBody } from "./request";

interface Route {
  name: EndpointName;
  contract: EndpointContract;
  server: ServerEndpoint<EndpointName>;
}

/** path → route, built once from the protocol's endpoint list. */
const ROUTES: ReadonlyMap<string, Route> = new Map(
  (Object.keys(mlflowEndpoints) as EndpointName[]).map((name) => [
    mlflowEndpoints[name].path,
    {
      name,
      contract: mlflowEndpoints[name],
      // Each entry is typed for its own endpoint; the map erases that, the schema re-checks it.
      server: serverEndpoints[name] as unknown as ServerEndpoint<EndpointName>,
    },
  ]),
);

/** The default workspace exists on first use; any other must have been created by the app. */
async function assertWorkspace(workspaceId: string): Promise<void> {
  if (workspaceId === DEFAULT_WORKSPACE_ID) {
    await ensureWorkspace(workspaceId);
    return;
  }
  if (!isValidWorkspaceId(workspaceId) || !(await workspaceExists(workspaceId))) {
    throw TrackingError.resourceDoesNotExist(`Workspace '${workspaceId.slice(0, 80)}' does not exist`);
  }
}

export async function handleMlflowRequest(
  workspaceId: string,
  method: string,
  pathSegments: readonly string[],
  request: Request,
): Promise<Response> {
  if (method === "OPTIONS") return preflightResponse(request);
  const path = pathSegments.join("/");
  const route = ROUTES.get(path);
  if (!route) {
    return errorResponse(
      new TrackingError("ENDPOINT_NOT_FOUND", `No API endpoint at ${method} ${MLFLOW_API_PREFIX}/${path}`),
      request,
    );
  }
  const methods: readonly string[] = route.contract.methods;
  if (!methods.includes(method)) {
    // A known path with the wrong method: 405, as MLflow's Flask server answers.
    return errorResponse(
      new TrackingError(
        "ENDPOINT_NOT_FOUND",
        `Method ${method} is not allowed for ${MLFLOW_API_PREFIX}/${path}; use ${methods.join(" or ")}.`,
        { httpStatus: 405 },
      ),
      request,
      { Allow: [...methods, "OPTIONS"].join(", ") },
    );
  }

  try {
    await assertWorkspace(workspaceId);
    const raw =
      method === "GET"
        ? queryToObject(new URL(request.url).searchParams, route.contract.request)
        : await readJsonBody(request, route.server.checkBodySize);
    const parsed = parseWith(route.contract.request, raw);
    const store = await getTrackingStore(workspaceId);
    const body = await route.server.handle(store, parsed as never);
    return jsonResponse(body, 200, request);
  } catch (error) {
    return errorResponse(error, request);
  }
}
