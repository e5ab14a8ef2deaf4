/** What a server endpoint is: its store call, typed by the protocol's endpoint entry. */
import type { EndpointName, EndpointResponseWire, ParsedEndpointRequest } from "@/lib/tracking/protocol";
import type { ArtifactStorage } from "@/lib/server/artifacts";
import type { RegistryStore } from "@/lib/server/registry";
import type { TrackingStore } from "@/lib/server/tracking/store";

/** Everything a handler may touch, all bound to the request's workspace. */
export interface EndpointContext {
  readonly workspaceId: string;
  readonly tracking: TrackingStore;
  readonly registry: RegistryStore;
  readonly artifacts: ArtifactStorage;
}

export interface ServerEndpoint<N extends EndpointName> {
  /** Sees the raw body size before parsing (log-batch's 1 MB limit). */
  checkBodySize?: (bytes: number) => void;
  handle: (context: EndpointContext, request: ParsedEndpointRequest<N>) => Promise<EndpointResponseWire<N>>;
}

/** A handler table for a set of endpoints: one entry each, typed with its own request and response. */
export type ServerEndpointTable<Names extends EndpointName> = { [N in Names]: ServerEndpoint<N> };
