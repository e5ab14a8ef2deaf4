/**
 * The change feed through a real `next start`: `GET /api/cuvee/changes` streams a workspace's
 * writes as Server-Sent Events, unbuffered (Next's compression and proxies pass it through),
 * tells a reconnecting reader whether it missed writes, and holds a bounded number of streams
 * whose slots come back when clients leave. A second server with low stream limits checks the
 * refusals, on the suite's database.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { baseUrl, closeTestDb, createTestWorkspace, mlflowApi, type MlflowApi } from "./helpers";

interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
}

/** An open stream: its status and headers, its events one by one, and a way to leave. */
interface Stream {
  status: number;
  headers: Headers;
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Raw text received so far (comments included). */
  raw(): string;
  close(): void;
  json(): Promise<any>;
}

async function openStream(base: string, workspaceId: string | undefined, headers: Record<string, string> = {}, query = ""): Promise<Stream> {
  const abort = new AbortController();
  const response = await fetch(`${base}/api/cuvee/changes${query}`, {
    headers: { Accept: "text/event-stream", ...(workspaceId === undefined ? {} : { Cookie: `cuvee_ws=${workspaceId}` }), ...headers },
    signal: abort.signal,
  });
  const reader = response.ok ? response.body!.getReader() : null;
  const decoder = new TextDecoder();
  let buffer = "";
  let everything = "";
  // A read that outlived a timeout still brings the next chunk: it is awaited again, not lost.
  let pendingRead: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const next = async (timeoutMs = 5_000): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = {};
        for (const line of block.split("\n")) {
          const [field, ...rest] = line.split(": ");
          const value = rest.join(": ");
          if (field === "id") event.id = value;
          if (field === "event") event.event = value;
          if (field === "data") event.data = JSON.parse(value);
        }
        if (event.event) return event;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      pendingRead ??= reader!.read();
      const chunk = await Promise.race([pendingRead, new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) throw new Error(`no event within ${timeoutMs} ms`);
      pendingRead = null;
      if (chunk.done) throw new Error("the stream ended");
      const text = decoder.decode(chunk.value);
      buffer += text;
      everything += text;
    }
  };
  return {
    status: response.status,
    headers: response.headers,
    next,
    raw: () => everything,
    close: () => abort.abort(),
    json: () => response.json(),
  };
}

/** Whether the stream stays silent (no event) for `ms`. */
async function silentFor(stream: Stream, ms: number): Promise<boolean> {
  try {
    await stream.next(ms);
    return false;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("no event")) return true;
    throw error;
  }
}

let a: string;
let b: string;
let apiA: MlflowApi;
let apiB: MlflowApi;
const opened: Stream[] = [];
const tracked = async (...args: Parameters<typeof openStream>) => {
  const stream = await openStream(...args);
  opened.push(stream);
  return stream;
};

beforeAll(async () => {
  [a, b] = [await createTestWorkspace(), await createTestWorkspace()];
  [apiA, apiB] = [mlflowApi(a), mlflowApi(b)];
});
afterAll(async () => {
  for (const stream of opened) stream.close();
  await closeTestDb();
});

describe("the change stream of a workspace", () => {
  it("is an unbuffered event stream that starts with a ready event asking to fetch everything", async () => {
    const stream = await tracked(baseUrl(), a);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.headers.get("x-accel-buffering")).toBe("no");
    expect(stream.headers.get("content-encoding")).toBeNull();
    const ready = await stream.next();
    expect(ready.event).toBe("ready");
    expect(ready.data).toEqual({ cursor: ready.id, refetch: true });
    expect(stream.raw()).toMatch(/^retry: \d+\n\n/);
    stream.close();
  });

  it("tells of a write of its workspace as it happens, and of none of another workspace's", async () => {
    const stream = await tracked(baseUrl(), a);
    const ready = await stream.next();
    const experimentOfB = (await apiB.post("experiments/create", { name: "in-b" })).json.experiment_id;
    expect(experimentOfB).toBeDefined();
    expect(await silentFor(stream, 500)).toBe(true);

    const experimentId = (await apiA.post("experiments/create", { name: "in-a" })).json.experiment_id as string;
    const created = await stream.next();
    expect(created.event).toBe("change");
    expect(created.data).toEqual({ cursor: created.id, experiments: true, runsOf: [], runs: [], models: false });
    expect(Number(created.id!.split(".")[1])).toBeGreaterThan(Number(ready.id!.split(".")[1]));

    const run = (await apiA.post("runs/create", { experiment_id: experimentId })).json.run.info.run_id as string;
    expect((await stream.next()).data).toMatchObject({ runsOf: [experimentId], runs: [run] });
    await apiA.post("runs/log-metric", { run_id: run, key: "rmse", value: 0.7, timestamp: 1 });
    expect((await stream.next()).data).toMatchObject({ runsOf: [], runs: [run], experiments: false, models: false });
    await apiA.post("registered-models/create", { name: "vin" });
    expect((await stream.next()).data).toMatchObject({ models: true, runs: [] });

    // A refused write changed nothing: no event.
    expect((await apiA.post("runs/log-metric", { run_id: "no-such-run", key: "k", value: 1, timestamp: 1 })).status).toBe(404);
    // Nor does a read.
    await apiA.post("runs/search", { experiment_ids: [experimentId] });
    expect(await silentFor(stream, 500)).toBe(true);

    const upload = await fetch(`${baseUrl()}/w/${a}/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${run}/artifacts/notes.txt`, { method: "PUT", body: "hello" });
    expect(upload.status).toBe(200);
    expect((await stream.next()).data).toMatchObject({ runsOf: [experimentId], runs: [run] });
    stream.close();
  });

  it("tells a reconnecting reader (Last-Event-ID or since) whether it missed writes", async () => {
    const first = await tracked(baseUrl(), a);
    const { id: seen } = await first.next();
    first.close();

    const upToDate = await tracked(baseUrl(), a, { "Last-Event-ID": seen! });
    expect((await upToDate.next()).data).toEqual({ cursor: seen, refetch: false });
    upToDate.close();

    await apiA.post("experiments/create", { name: "while-away" });
    const missed = await tracked(baseUrl(), a, { "Last-Event-ID": seen! });
    const ready = await missed.next();
    expect(ready.data).toMatchObject({ refetch: true });
    expect(ready.id).not.toBe(seen);
    missed.close();

    const bySince = await tracked(baseUrl(), a, {}, `?since=${encodeURIComponent(ready.id!)}`);
    expect((await bySince.next()).data).toEqual({ cursor: ready.id, refetch: false });
    bySince.close();

    // A cursor from another server process (a restart) is never current.
    const otherEpoch = await tracked(baseUrl(), a, { "Last-Event-ID": `zzzz.${ready.id!.split(".")[1]}` });
    expect((await otherEpoch.next()).data).toMatchObject({ refetch: true });
    otherEpoch.close();
  });

  it("answers a client that cannot hold a stream with the cursor as an ETag, and 304 while it is current", async () => {
    const ask = (headers: Record<string, string> = {}) => fetch(`${baseUrl()}/api/cuvee/changes`, { headers: { Cookie: `cuvee_ws=${a}`, ...headers } });
    const first = await ask();
    expect(first.status).toBe(200);
    const { cursor } = (await first.json()) as { cursor: string };
    expect(first.headers.get("etag")).toBe(`"${cursor}"`);
    expect((await ask({ "If-None-Match": `"${cursor}"` })).status).toBe(304);
    await apiA.post("experiments/create", { name: "seen-by-etag" });
    const moved = await ask({ "If-None-Match": `"${cursor}"` });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { cursor: string }).cursor).not.toBe(cursor);
  });

  it("answers MLflow's error without a workspace or with an unknown one", async () => {
    const none = await openStream(baseUrl(), undefined);
    expect(none.status).toBe(401);
    expect((await none.json()).error_code).toBe("UNAUTHENTICATED");
    const unknown = await openStream(baseUrl(), "0123456789abcdef0123456789abcdef");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error_code).toBe("RESOURCE_DOES_NOT_EXIST");
  });
});

describe("the bounds on open streams", () => {
  let limited: AppServer;
  beforeAll(async () => {
    limited = await startApp({
      env: { DATABASE_URL: inject("databaseUrl"), CUVEE_ARTIFACTS_DIR: inject("artifactsDir"), CUVEE_CHANGE_STREAMS_PER_WORKSPACE: "2", CUVEE_CHANGE_STREAMS_TOTAL: "3" },
      readyPath: "/api/cuvee/health",
    });
  }, 120_000);
  afterAll(async () => {
    await limited?.stop();
  });

  /** Opens a stream, retrying while refused for a few seconds (a slot comes back once the server sees the client leave). */
  async function openWhenFree(workspaceId: string): Promise<Stream> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const stream = await tracked(limited.baseUrl, workspaceId);
      if (stream.status === 200 || Date.now() > deadline) return stream;
      await stream.json();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("refuses a stream beyond the workspace's limit and beyond the total, and gives a slot back when a client leaves", async () => {
    const c = await createTestWorkspace();
    const [a1, a2] = [await tracked(limited.baseUrl, a), await tracked(limited.baseUrl, a)];
    expect([a1.status, a2.status]).toEqual([200, 200]);
    await Promise.all([a1.next(), a2.next()]);

    const a3 = await tracked(limited.baseUrl, a);
    expect(a3.status).toBe(429);
    expect(a3.headers.get("retry-after")).toBe("10");
    const refusal = await a3.json();
    expect(refusal.error_code).toBe("REQUEST_LIMIT_EXCEEDED");
    expect(refusal.message).toMatch(/this workspace already has 2/);

    const b1 = await tracked(limited.baseUrl, b);
    expect(b1.status).toBe(200);
    await b1.next();
    const c1 = await tracked(limited.baseUrl, c);
    expect(c1.status).toBe(429);
    expect((await c1.json()).message).toMatch(/the server already has 3/);

    // Leaving frees the slot: no stream, subscription or count is left behind.
    a1.close();
    const again = await openWhenFree(a);
    expect(again.status).toBe(200);
    expect((await again.next()).event).toBe("ready");
    // Many tabs opened and closed in turn never run out of slots.
    let current = again;
    for (let round = 0; round < 5; round += 1) {
      current.close();
      current = await openWhenFree(a);
      expect(current.status).toBe(200);
      await current.next();
    }
  });
});
