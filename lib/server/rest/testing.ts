/**
 * Test helpers for body limits: a request body generated on demand, which counts the bytes the
 * server pulled from it, so that a test can prove reading stopped early.
 */

export interface CountedBody {
  stream: ReadableStream<Uint8Array>;
  /** Bytes handed to the reader so far. */
  pulled(): number;
  /** Whether the reader gave up on the stream. */
  cancelled(): boolean;
}

/** `totalBytes` of `fill` (default `x`), in chunks of `chunkBytes`, produced only when pulled. */
export function countedBody(totalBytes: number, chunkBytes: number, fill = "x"): CountedBody {
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(fill.repeat(Math.ceil(chunkBytes / fill.length)).slice(0, chunkBytes));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = Math.min(chunkBytes, totalBytes - pulled);
      if (size <= 0) {
        controller.close();
        return;
      }
      pulled += size;
      controller.enqueue(size === chunk.byteLength ? chunk.slice() : chunk.slice(0, size));
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

/** A streamed JSON body: `prefix`, then `fillBytes` of filler, then `suffix`, generated on demand. */
export function countedJsonBody(prefix: string, fillBytes: number, suffix: string, chunkBytes = 64 * 1024): CountedBody {
  const head = new TextEncoder().encode(prefix);
  const tail = new TextEncoder().encode(suffix);
  const filler = countedBody(fillBytes, chunkBytes);
  const reader = filler.stream.getReader();
  let pulled = 0;
  let cancelled = false;
  let stage: "head" | "fill" | "tail" | "done" = "head";
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === "head") {
        stage = "fill";
        pulled += head.byteLength;
        controller.enqueue(head);
        return;
      }
      if (stage === "fill") {
        const { done, value } = await reader.read();
        if (!done) {
          pulled += value.byteLength;
          controller.enqueue(value);
          return;
        }
        stage = "tail";
      }
      if (stage === "tail") {
        stage = "done";
        pulled += tail.byteLength;
        controller.enqueue(tail);
        return;
      }
      controller.close();
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}

/** A POST whose body is `stream` (Node's fetch needs `duplex: "half"` to send one). */
export function streamedRequest(
  stream: ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
  url = "http://cuvee.test/api/2.0/mlflow/runs/create",
  method = "POST",
): Request {
  return new Request(url, { method, body: stream, headers, duplex: "half" } as RequestInit);
}
