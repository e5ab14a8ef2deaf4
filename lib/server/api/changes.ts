/**
 * The change feed as served: `GET /api/cuvee/changes` streams the changes of the visitor's
 * workspace (its cookie) as Server-Sent Events. Who may subscribe is who may read that
 * workspace's tracking data: the workspace exists, and the `default` workspace only when its
 * mode lets it be read. Refusals are MLflow's error shape, like the rest of the API.
 *
 * A client that cannot hold a stream asks without `Accept: text/event-stream` and gets the
 * cursor alone, `{ "cursor": … }` with `ETag: "<cursor>"`, or 304 when its `If-None-Match` is
 * still current: a conditional request answered from memory, without the database.
 */
import { changeFeed, changeStreamResponse } from "@/lib/server/changes";
import { errorResponse } from "@/lib/server/rest";
import { assertWorkspace } from "@/lib/server/workspaces";
import { defaultWorkspaceMode } from "@/lib/server/workspaces/default-mode";
import { CHANGES_SINCE_PARAM } from "@/lib/tracking/protocol/changes";
import { TrackingError } from "@/lib/tracking/protocol";
import { mlflowReadRefusal } from "./default-workspace-access";

/** What a refused client waits before trying again (EventSource gives up on an error status: the page retries). */
const RETRY_AFTER_SECONDS = 10;

export async function handleChangesRequest(workspaceId: string | undefined, request: Request): Promise<Response> {
  if (!workspaceId) {
    return errorResponse(new TrackingError("UNAUTHENTICATED", "No workspace: open a Cuvée page first, it gives you one."), request);
  }
  const refusal = mlflowReadRefusal(defaultWorkspaceMode(), workspaceId);
  if (refusal) return errorResponse(refusal, request);
  try {
    await assertWorkspace(workspaceId);
  } catch (error) {
    return errorResponse(error, request);
  }
  const { bus, slots } = changeFeed();
  if (!acceptsEventStream(request)) return cursorResponse(bus.cursor(workspaceId), request);
  const slot = slots.take(workspaceId);
  if (!slot.granted) {
    const what = slot.full === "workspace" ? `this workspace already has ${slots.limits.perWorkspace}` : `the server already has ${slots.limits.total}`;
    return errorResponse(
      new TrackingError("REQUEST_LIMIT_EXCEEDED", `Too many open change streams: ${what}. Close a tab, or try again later.`),
      request,
      { "Retry-After": String(RETRY_AFTER_SECONDS) },
    );
  }
  const since = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get(CHANGES_SINCE_PARAM);
  return changeStreamResponse({ bus, workspaceId, since, signal: request.signal, release: slot.release });
}

function acceptsEventStream(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/event-stream");
}

function cursorResponse(cursor: string, request: Request): Response {
  const etag = `"${cursor}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json({ cursor }, { headers });
}
