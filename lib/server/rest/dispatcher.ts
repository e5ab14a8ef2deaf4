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
import { assertWorkspace } from "@/lib/server/workspaces";
import { getArtifactStorage } from "@/lib/server/artifacts";
import { getRegistryStore } from "@/lib/server/registry";
import { getTrackingStore } from "@/lib/server/tracking";
import type { EndpointContext } from "./endpoint";
import { serverEndpoints, type ServerEndpoint } from "@/lib/server/tracking/rest-handlers";
import { errorResponse, jsonResponse, preflightResponse } from "./http";
import { parseWith, queryToObject, readJsonBody } from "./request";

interface Route {
  name: EndpointName;
  contract: EndpointContract;
  server: ServerEndpoint<EndpointName>;
}

/** path → its routes (one per endpoint; `registered-models/alias` has three), built once from the protocol's list. */
const ROUTES: ReadonlyMap<string, readonly Route[]> = (() => {
  const routes = new Map<string, Route[]>();
  for (const name of Object.keys(mlflowEndpoints) as EndpointName[]) {
    const contract: EndpointContract = mlflowEndpoints[name];
    // Each entry is typed for its own endpoint; the map erases that, the schema re-checks it.
    const route = { name, contract, server: serverEndpoints[name] as unknown as ServerEndpoint<EndpointName> };
    routes.set(contract.path, [...(routes.get(contract.path) ?? []), route]);
  }
  return routes;
})();

export async function handleMlflowRequest(
  workspaceId: string,
  method: string,
  pathSegments: readonly string[],
  request: Request,
): Promise<Response> {
  if (method === "OPTIONS") return preflightResponse(request);
  const path = pathSegments.join("/");
  const routes = ROUTES.get(path);
  if (!routes) {
    return errorResponse(
      new TrackingError("ENDPOINT_NOT_FOUND", `No API endpoint at ${method} ${MLFLOW_API_PREFIX}/${path}`),
      request,
    );
  }
  const route = routes.find((r) => (r.contract.methods as readonly string[]).includes(method));
  if (!route) {
    const methods = routes.flatMap((r) => r.contract.methods);
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
    const raw = await readRequest(method, request, route);
    const parsed = parseWith(route.contract.request, raw);
    const context: EndpointContext = {
      workspaceId,
      tracking: await getTrackingStore(workspaceId),
      registry: await getRegistryStore(workspaceId),
      artifacts: getArtifactStorage(workspaceId),
    };
    const body = await route.server.handle(context, parsed as never);
    return jsonResponse(body, 200, request);
  } catch (error) {
    return errorResponse(error, request);
  }
}

/**
 * GET reads the query string, other methods a JSON body. A DELETE without a body reads the query
 * string: MLflow's own clients send DELETE bodies, some others send query parameters.
 */
async function readRequest(method: string, request: Request, route: Route): Promise<Record<string, unknown>> {
  const query = () => queryToObject(new URL(request.url).searchParams, route.contract.request);
  if (method === "GET") return query();
  const body = await readJsonBody(request, route.server.checkBodySize);
  if (method === "DELETE" && Object.keys(body).length === 0) return query();
  return body;
}
