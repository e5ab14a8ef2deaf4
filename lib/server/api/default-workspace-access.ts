/**
 * Enforces `CUVEE_DEFAULT_WORKSPACE` (lib/server/workspaces/default-mode.ts) on the `default`
 * workspace, whichever URL reaches it (`/api/2.0/…` or `/w/default/api/2.0/…`), before the request
 * is dispatched. Learners' workspaces are never affected.
 */
import { TrackingError, mlflowEndpoints, type EndpointName } from "@/lib/tracking/protocol";
import { DEFAULT_WORKSPACE_ID } from "@/lib/server/workspaces";
import type { DefaultWorkspaceMode } from "@/lib/server/workspaces/default-mode";

/** MLflow's reads that are sent as POST (a search body is too big for a query string). */
const READS_SENT_AS_POST: ReadonlySet<EndpointName> = new Set<EndpointName>(["searchExperiments", "searchRuns", "getLatestVersions"]);

/**
 * Whether a request to the MLflow REST API only reads: GET, or one of the reads sent as POST. A new
 * POST endpoint therefore counts as a write until it is listed above (refused rather than let
 * through). null for an unknown path or method: the dispatcher answers those with 404 and 405.
 */
function isMlflowRead(method: string, pathSegments: readonly string[]): boolean | null {
  if (method === "OPTIONS") return true;
  const path = pathSegments.join("/");
  for (const name of Object.keys(mlflowEndpoints) as EndpointName[]) {
    const contract = mlflowEndpoints[name];
    if (contract.path !== path || !(contract.methods as readonly string[]).includes(method)) continue;
    return method === "GET" || READS_SENT_AS_POST.has(name);
  }
  return null;
}

function disabled(): TrackingError {
  return new TrackingError(
    "ENDPOINT_NOT_FOUND",
    "The default workspace is disabled on this server: use your own workspace's tracking URI (<server>/w/<workspace id>).",
  );
}

function readOnly(): TrackingError {
  return new TrackingError(
    "PERMISSION_DENIED",
    "The default workspace is read-only on this server: log to your own workspace's tracking URI (<server>/w/<workspace id>).",
  );
}

/** The error to answer instead of letting a client read the workspace's tracking data, or null. */
export function mlflowReadRefusal(mode: DefaultWorkspaceMode, workspaceId: string): TrackingError | null {
  return workspaceId === DEFAULT_WORKSPACE_ID && mode === "off" ? disabled() : null;
}

/** The error to answer instead of dispatching an MLflow REST request, or null to dispatch it. */
export function mlflowRequestRefusal(
  mode: DefaultWorkspaceMode,
  workspaceId: string,
  method: string,
  pathSegments: readonly string[],
): TrackingError | null {
  if (workspaceId !== DEFAULT_WORKSPACE_ID || mode === "open") return null;
  if (mode === "off") return disabled();
  return isMlflowRead(method, pathSegments) === false ? readOnly() : null;
}

/** The same for the artifact service, whose reads are GET (and preflights). */
export function artifactRequestRefusal(mode: DefaultWorkspaceMode, workspaceId: string, method: string): TrackingError | null {
  if (workspaceId !== DEFAULT_WORKSPACE_ID || mode === "open") return null;
  if (mode === "off") return disabled();
  return method === "GET" || method === "HEAD" || method === "OPTIONS" ? null : readOnly();
}
