import { callEndpoint } from "./call-endpoint";
import { MlflowException } from "./exceptions";
import { sendToServer } from "./http";
import { track } from "./pending";
import type { EndpointName, EndpointRequest, EndpointResponse } from "./protocol/endpoints";
import { TrackingError } from "./protocol/errors";

/**
 * Speaks MLflow's REST API 2.0 to one tracking server (like MLflow's `RestStore`) through
 * `callEndpoint`, as the pages do: methods, paths and response schemas come from the protocol's
 * endpoint list, shared with the server. Learner code sees every failure as an `MlflowException`
 * (or `TrackingServerUnreachable`). Every request is registered as pending so that un-awaited
 * calls are flushed before a run ends.
 */
export class RestStore {
  constructor(private readonly trackingUri: string) {}

  get uri(): string {
    return this.trackingUri;
  }

  call<N extends EndpointName>(name: N, request: EndpointRequest<N>): Promise<EndpointResponse<N>> {
    return track(
      callEndpoint(this.trackingUri, name, request, { send: (url, init) => sendToServer(this.trackingUri, url, init) }).catch(
        (error: unknown) => {
          // `sendToServer` already throws the SDK's errors; what is left is an answer that does not match the schema.
          throw error instanceof TrackingError ? new MlflowException(error.errorCode, error.message, error.httpStatus) : error;
        },
      ),
    );
  }
}
