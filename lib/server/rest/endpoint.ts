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
  /** Sees the raw body size before parsing (log-batch's 1 MB limit). */
  checkBodySize?: (bytes: number) => void;
  handle: (context: Context, request: ParsedEndpointRequest<N>) => Promise<EndpointResponseWire<N>>;
}

/** A handler table for a set of endpoints: one entry each, typed with its own request and response. */
export type ServerEndpointTable<Names extends EndpointName, Context extends EndpointContext> = {
  [N in Names]: ServerEndpoint<N, Context>;
};
