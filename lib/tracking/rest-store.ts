import { MlflowException } from "./exceptions";
import { parseJson, sendToServer } from "./http";
import { track } from "./pending";
import {
  MLFLOW_API_PREFIX,
  mlflowEndpoints,
  type EndpointName,
  type EndpointRequest,
  type EndpointResponse,
} from "./protocol/endpoints";

/**
 * Speaks MLflow's REST API 2.0 to one tracking server (like MLflow's `RestStore`). Methods,
 * paths and response schemas come from the protocol's endpoint list, shared with the server.
 * Every request is registered as pending so that un-awaited calls are flushed before a run ends.
 */
export class RestStore {
  constructor(private readonly trackingUri: string) {}

  get uri(): string {
    return this.trackingUri;
  }

  call<N extends EndpointName>(name: N, request: EndpointRequest<N>): Promise<EndpointResponse<N>> {
    return track(this.send(name, request));
  }

  private async send<N extends EndpointName>(name: N, request: EndpointRequest<N>): Promise<EndpointResponse<N>> {
    const contract = mlflowEndpoints[name];
    const method = contract.methods[0];
    let url = `${this.trackingUri}${MLFLOW_API_PREFIX}/${contract.path}`;
    let body: string | undefined;
    if (method === "GET") {
      const query = toQuery(request as Record<string, unknown>);
      if (query) url += `?${query}`;
    } else {
      body = JSON.stringify(request);
    }

    const response = await sendToServer(this.trackingUri, url, {
      method,
      body,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    });
    const json = parseJson(await response.text());
    const parsed = contract.response.safeParse(json ?? {});
    if (!parsed.success) {
      throw new MlflowException("INTERNAL_ERROR", `Unexpected response from ${contract.path}: ${parsed.error.message}`, response.status);
    }
    return parsed.data as EndpointResponse<N>;
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
