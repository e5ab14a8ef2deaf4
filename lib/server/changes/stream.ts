/**
 * One workspace's change feed as a Server-Sent Events response. Made to pass reverse proxies
 * and Next's compression untouched: `no-transform` (the compressor would buffer the stream),
 * `X-Accel-Buffering: no` (nginx), a comment every `heartbeatMs` so that idle connections are
 * not cut, and `retry:` for the browser's reconnection delay. Every event's id is the cursor, so
 * a reconnecting EventSource sends the last one it saw as `Last-Event-ID`.
 */
import type { ChangeEvent, ReadyEvent } from "@/lib/tracking/protocol/changes";
import { missedWrites, type ChangeBus } from "./bus";

export interface ChangeStreamTiming {
  /** Between two heartbeat comments. */
  heartbeatMs: number;
  /** The reconnection delay the browser is told to use. */
  retryMs: number;
}

export const DEFAULT_STREAM_TIMING: ChangeStreamTiming = { heartbeatMs: 20_000, retryMs: 3_000 };

/**
 * Events queued for a client that does not read them (a stalled connection) before its stream
 * is dropped: it reconnects with its last cursor and is told to refetch, which costs less than
 * an unbounded queue.
 */
const MAX_QUEUED_EVENTS = 256;

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

const encoder = new TextEncoder();

function sseEvent(type: "ready" | "change", data: ReadyEvent | ChangeEvent): Uint8Array {
  return encoder.encode(`id: ${data.cursor}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Streams the workspace's changes from now on. `since` is the last cursor the client saw
 * (`Last-Event-ID`, or the `since` parameter of a new EventSource), null for a first connection.
 * `release` is called exactly once when the stream ends, whoever ends it: the client leaving
 * (`signal`, or the body being cancelled), a stalled client, or a failed write to the socket.
 */
export function changeStreamResponse(options: {
  bus: ChangeBus;
  workspaceId: string;
  since: string | null;
  signal: AbortSignal;
  release: () => void;
  timing?: ChangeStreamTiming;
  headers?: Record<string, string>;
}): Response {
  const { bus, workspaceId, since, signal, release } = options;
  const timing = options.timing ?? DEFAULT_STREAM_TIMING;
  let end: () => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      const push = (chunk: Uint8Array) => {
        if (ended) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_EVENTS) return end();
        try {
          controller.enqueue(chunk);
        } catch {
          end();
        }
      };
      // Subscribed before the cursor is read: no write can fall between the two.
      const unsubscribe = bus.subscribe(workspaceId, (event) => push(sseEvent("change", event)));
      const heartbeat = setInterval(() => push(encoder.encode(": heartbeat\n\n")), timing.heartbeatMs);
      end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", end);
        release();
        try {
          controller.close();
        } catch {
          // Already closed or errored by the client leaving: nothing left to close.
        }
      };
      signal.addEventListener("abort", end);
      const cursor = bus.cursor(workspaceId);
      controller.enqueue(encoder.encode(`retry: ${timing.retryMs}\n\n`));
      controller.enqueue(sseEvent("ready", { cursor, refetch: missedWrites(since, cursor) }));
      if (signal.aborted) end();
    },
    cancel() {
      end();
    },
  });
  return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...options.headers } });
}
