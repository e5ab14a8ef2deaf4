/**
 * What a server endpoint is: its store call, typed by the protocol's endpoint entry. The context
 * it receives is the surface's own (tracking, registry…): rest knows no store.
 */
import type { EndpointName, EndpointResponseWire, ParsedEndpointRequest } from "@/lib/tracking/protocol";

/** What every handler may rely on; each surface adds its own stores, all bound to the request's workspace. */
export interface EndpointContext {
  readonly workspaceId: string;
}

export interface ServerEndpoint<N extends EndpointName, Context extends EndpointContext> {
  /**
   * The most bytes of body this endpoint reads, when MLflow gives it a limit of its own
   * (log-batch's 1 MB); otherwise the server-wide default, `CUVEE_API_MAX_BODY_BYTES`.
   */
  maxBodyBytes?: number;
  /** Sees the size of a body over `maxBodyBytes` and throws the endpoint's own refusal (log-batch's message). */
  checkBodySize?: (bytes: number) => void;
  handle: (context: Context, request: ParsedEndpointRequest<N>) => Promise<EndpointResponseWire<N>>;
}

/** A handler table for a set of endpoints: one entry each, typed with its own request and response. */
export type ServerEndpointTable<Names extends EndpointName, Context extends EndpointContext> = {
  [N in Names]: ServerEndpoint<N, Context>;
};
