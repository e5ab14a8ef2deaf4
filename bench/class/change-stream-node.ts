/**
 * The workspace's change feed read from Node, for the simulated tabs: what the page's
 * followWorkspaceChanges does with the browser's EventSource (Node 20 has none), reduced to one
 * stream held open for the tab's life. Events are parsed with the feed's own schemas.
 */
import http from "node:http";
import type { ChangeStreamHandlers } from "../../components/tracking/change-stream";
import { WORKSPACE_COOKIE } from "../../lib/server/session/cookie";
import { ChangeEventSchema, ReadyEventSchema, WORKSPACE_CHANGES_PATH } from "../../lib/tracking/protocol/changes";

/** One connection per stream: they stay open, so they must not hold the requests' keep-alive sockets. */
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** Streams opened, refused (status) and failed (network), for the bench's report. */
export const streamCounts = { opened: 0, refused: 0, failed: 0 };

/** Opens the stream of `workspaceId` on `baseUrl`; `handlers` get its events. Returns the function that closes it. */
export function subscribeFromNode(baseUrl: string, workspaceId: string, handlers: ChangeStreamHandlers): () => void {
  const url = new URL(WORKSPACE_CHANGES_PATH, baseUrl);
  let closed = false;
  const request = http.get(
    { hostname: url.hostname, port: url.port, path: url.pathname, agent: streamAgent, headers: { accept: "text/event-stream", cookie: `${WORKSPACE_COOKIE}=${workspaceId}` } },
    (response) => {
      if (response.statusCode !== 200) {
        streamCounts.refused += 1;
        response.resume();
        handlers.onTrouble(true);
        return;
      }
      streamCounts.opened += 1;
      response.setEncoding("utf8");
      let buffered = "";
      response.on("data", (chunk: string) => {
        buffered += chunk;
        // An event ends with a blank line; a partial one waits for the next chunk.
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          dispatch(buffered.slice(0, end), handlers);
          buffered = buffered.slice(end + 2);
        }
      });
    },
  );
  request.on("error", () => {
    if (closed) return;
    streamCounts.failed += 1;
    handlers.onTrouble(true);
  });
  return () => {
    closed = true;
    request.destroy();
  };
}

function dispatch(block: string, handlers: ChangeStreamHandlers): void {
  let name = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue; // heartbeat comment
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") name = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0) return;
  const payload: unknown = JSON.parse(data.join("\n"));
  if (name === "ready") handlers.onReady(ReadyEventSchema.parse(payload));
  else if (name === "change") handlers.onChange(ChangeEventSchema.parse(payload));
}
