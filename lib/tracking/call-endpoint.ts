/**
 * The one way to call an MLflow endpoint, shared by the SDK's REST store and the pages' browser
 * client. Method, path and response schema come from the protocol's endpoint list: a `GET`
 * endpoint gets its request as query parameters (repeated keys for lists, as MLflow's
 * `_get_request_message` reads them), the others as a JSON body; the answer is parsed with the
 * endpoint's zod schema. No SDK imports here: the pages bundle this module.
 */
import {
  MLFLOW_API_PREFIX,
  mlflowEndpoints,
  type EndpointName,
  type EndpointRequest,
  type EndpointResponse,
} from "./protocol/endpoints";
import { TrackingError } from "./protocol/errors";

/** Sends one request: resolves with a 2xx response, throws the caller's error for anything else. */
export type SendRequest = (url: string, init: RequestInit) => Promise<Response>;

export interface CallEndpointOptions {
  signal?: AbortSignal;
  /** The pages ask for `"no-store"`: what they show must be the server's state, not the HTTP cache's. */
  cache?: RequestCache;
  /** How the request travels and how a refusal becomes an error; `sendRequest` by default. */
  send?: SendRequest;
}

/**
 * Calls endpoint `name` of the tracking server at `trackingUri` (`http://host/w/<id>`, or a
 * same-origin `/w/<id>` in the browser) with the endpoint's first method.
 *
 * Failures: what `send` throws (by default a `TrackingError` carrying MLflow's error code for a
 * refusal, and fetch's own error when no answer came), or a `TrackingError` INTERNAL_ERROR when a
 * 2xx answer does not match the endpoint's response schema.
 */
export async function callEndpoint<N extends EndpointName>(
  trackingUri: string,
  name: N,
  request: EndpointRequest<N>,
  options: CallEndpointOptions = {},
): Promise<EndpointResponse<N>> {
  const contract = mlflowEndpoints[name];
  const { url, init } = endpointRequest(trackingUri, name, request);
  if (options.signal) init.signal = options.signal;
  if (options.cache) init.cache = options.cache;
  const response = await (options.send ?? sendRequest)(url, init);
  const parsed = contract.response.safeParse(parseJson(await response.text()) ?? {});
  if (!parsed.success) {
    throw new TrackingError("INTERNAL_ERROR", `Unexpected response from ${contract.path}: ${parsed.error.message}`, {
      httpStatus: response.status,
    });
  }
  return parsed.data as EndpointResponse<N>;
}

/** The URL and fetch options of a call to endpoint `name`, as the protocol declares it. */
export function endpointRequest<N extends EndpointName>(
  trackingUri: string,
  name: N,
  request: EndpointRequest<N>,
): { url: string; init: RequestInit } {
  const contract = mlflowEndpoints[name];
  const method = contract.methods[0];
  const url = `${trackingUri}${MLFLOW_API_PREFIX}/${contract.path}`;
  if (method === "GET") {
    const query = toQuery(request as Record<string, unknown>);
    return { url: query ? `${url}?${query}` : url, init: { method } };
  }
  return { url, init: { method, body: JSON.stringify(request), headers: { "Content-Type": "application/json" } } };
}

/** fetch, with a non-2xx answer read as MLflow's `{ error_code, message }` into a `TrackingError`. */
export async function sendRequest(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw TrackingError.fromBody(parseJson(await response.text()), response.status);
  return response;
}

/** A response body as JSON; `undefined` when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** MLflow's GET convention: one query parameter per field, repeated keys for lists. */
function toQuery(request: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.toString();
}
