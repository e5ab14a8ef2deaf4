import { describe, expect, it } from "vitest";
import { createInProcessChangeBus } from "./bus";
import { changeStreamResponse } from "./stream";

const decoder = new TextDecoder();

function open(options: { since?: string | null; heartbeatMs?: number } = {}) {
  const bus = createInProcessChangeBus("e1");
  const abort = new AbortController();
  let released = 0;
  const response = changeStreamResponse({
    bus,
    workspaceId: "ws",
    since: options.since ?? null,
    signal: abort.signal,
    release: () => (released += 1),
    timing: { heartbeatMs: options.heartbeatMs ?? 60_000, retryMs: 1_500 },
  });
  const reader = response.body!.getReader();
  const read = async () => decoder.decode((await reader.read()).value);
  return { bus, abort, response, reader, read, released: () => released };
}

describe("a change stream", () => {
  it("says it is an unbuffered event stream, for proxies and Next's compression", () => {
    const { response, reader } = open();
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    void reader.cancel();
  });

  it("starts with retry and a ready event asking a first reader to fetch everything, then streams the workspace's writes", async () => {
    const { bus, read, reader } = open();
    expect(await read()).toBe("retry: 1500\n\n");
    expect(await read()).toBe(`id: e1.0\nevent: ready\ndata: {"cursor":"e1.0","refetch":true}\n\n`);
    bus.publish("other", { experiments: true, runsOf: [], runs: [], models: false });
    bus.publish("ws", { experiments: false, runsOf: ["1"], runs: ["r"], models: false });
    expect(await read()).toBe(`id: e1.1\nevent: change\ndata: {"cursor":"e1.1","experiments":false,"runsOf":["1"],"runs":["r"],"models":false}\n\n`);
    void reader.cancel();
  });

  it("tells a reader back at the current cursor that it missed nothing", async () => {
    const { read, reader } = open({ since: "e1.0" });
    await read();
    expect(await read()).toContain(`"refetch":false`);
    void reader.cancel();
  });

  it("sends a heartbeat comment while idle", async () => {
    const { read, reader } = open({ heartbeatMs: 20 });
    await read();
    await read();
    expect(await read()).toBe(": heartbeat\n\n");
    void reader.cancel();
  });

  it("unsubscribes and gives its slot back once when the client leaves, by cancel or by abort", async () => {
    const cancelled = open();
    await cancelled.reader.cancel();
    cancelled.abort.abort();
    expect(cancelled.released()).toBe(1);
    expect(cancelled.bus.subscribedWorkspaces).toBe(0);

    const aborted = open();
    aborted.abort.abort();
    expect(aborted.released()).toBe(1);
    expect(aborted.bus.subscribedWorkspaces).toBe(0);
    await aborted.read();
    await aborted.read();
    expect((await aborted.reader.read()).done).toBe(true);
  });

  it("drops a client that stopped reading instead of queueing without end", async () => {
    const { bus, released } = open();
    for (let i = 0; i < 300; i += 1) bus.publish("ws", { experiments: true, runsOf: [], runs: [], models: false });
    expect(released()).toBe(1);
    expect(bus.subscribedWorkspaces).toBe(0);
  });
});
