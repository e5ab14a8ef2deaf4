/**
 * One dispatcher for the MLflow REST API, whatever the URL prefix and whatever surfaces answer it:
 * routes by the protocol's endpoint list (`mlflowEndpoints`), checks the method (405 with `Allow`,
 * 404 for unknown paths), answers preflights, reads and validates the request, then hands it to
 * the endpoint's handler with the context the caller opens. Knows no store: the composition root
 * gives it the handler table and the context.
 */
import {
  MLFLOW_API_PREFIX,
  TrackingError,
  mlflowEndpoints,
  type EndpointContract,
  type EndpointName,
  type EndpointResponseWire,
  type ParsedEndpointRequest,
} from "@/lib/tracking/protocol";
import type { EndpointContext, ServerEndpoint, ServerEndpointTable } from "./endpoint";
import { errorResponse, jsonResponse, preflightResponse } from "./http";
import { parseWith, queryToObject, readJsonBody } from "./request";

interface Route<Context extends EndpointContext> {
  name: EndpointName;
  contract: EndpointContract;
  server: ServerEndpoint<EndpointName, Context>;
}

/** Answers one request: method, path segments after the API prefix, the request itself. */
export type RestDispatcher<Context extends EndpointContext> = (
  method: string,
  pathSegments: readonly string[],
  request: Request,
  /**
   * Called once the route is known and before the request is read: checks access (the workspace
   * exists) and opens the stores. What it throws is answered as MLflow's error.
   */
  openContext: () => Promise<Context>,
) => Promise<Response>;

/** path → its routes (one per endpoint; `registered-models/alias` has three), built once from the protocol's list. */
function routesOf<Context extends EndpointContext>(
  table: ServerEndpointTable<EndpointName, Context>,
): ReadonlyMap<string, readonly Route<Context>[]> {
  const routes = new Map<string, Route<Context>[]>();
  for (const name of Object.keys(mlflowEndpoints) as EndpointName[]) {
    const contract: EndpointContract = mlflowEndpoints[name];
    // Each entry is typed for its own endpoint; the map erases that, the schema re-checks it.
    const route = { name, contract, server: table[name] as unknown as ServerEndpoint<EndpointName, Context> };
    routes.set(contract.path, [...(routes.get(contract.path) ?? []), route]);
  }
  return routes;
}

/**
 * Told of every request a handler answered successfully, after the handler and before the answer
 * is sent: the one place that sees each completed write (the change feed listens here).
 */
export type SuccessObserver<Context extends EndpointContext> = <N extends EndpointName>(
  name: N,
  context: Context,
  request: ParsedEndpointRequest<N>,
  response: EndpointResponseWire<N>,
) => void;

/** A dispatcher over a complete handler table (one entry per endpoint of the protocol). */
export function createRestDispatcher<Context extends EndpointContext>(
  table: ServerEndpointTable<EndpointName, Context>,
  onSuccess?: SuccessObserver<Context>,
): RestDispatcher<Context> {
  const routesByPath = routesOf(table);
  return async (method, pathSegments, request, openContext) => {
    if (method === "OPTIONS") return preflightResponse(request);
    const path = pathSegments.join("/");
    const routes = routesByPath.get(path);
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
      const context = await openContext();
      const raw = await readRequest(method, request, route);
      const parsed = parseWith(route.contract.request, raw);
      const body = await route.server.handle(context, parsed as never);
      onSuccess?.(route.name, context, parsed as never, body as never);
      return jsonResponse(body, 200, request);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/**
 * GET reads the query string, other methods a JSON body. A DELETE without a body reads the query
 * string: MLflow's own clients send DELETE bodies, some others send query parameters.
 */
async function readRequest<Context extends EndpointContext>(
  method: string,
  request: Request,
  route: Route<Context>,
): Promise<Record<string, unknown>> {
  const query = () => queryToObject(new URL(request.url).searchParams, route.contract.request);
  if (method === "GET") return query();
  const body = await readJsonBody(request, { maxBytes: route.server.maxBodyBytes, checkSize: route.server.checkBodySize });
  if (method === "DELETE" && Object.keys(body).length === 0) return query();
  return body;
}
