import { describe, expect, it } from "vitest";
import { endingRunsLeftOpen, endRunsLeftOpen, ExecutionRunLedger, statusForRunsLeftOpen } from "./open-runs";
import type { RunOutcome, Runner, RunnerEvent } from "./types";

/**
 * A tracking server as far as ending runs goes: it keeps each run's status, answers `runs/get`
 * and applies `runs/update`, and records the requests (the real endpoints are exercised by
 * tests/integration/runner-node.test.ts and e2e/honest-verdicts.spec.ts).
 */
function fakeServer(statuses: Record<string, string>, unreachable: string[] = []) {
  const updates: { run_id: string; status: string; end_time: number }[] = [];
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    const path = new URL(url).pathname;
    const runId = path.endsWith("runs/get") ? new URL(url).searchParams.get("run_id")! : (JSON.parse(String(init.body)) as { run_id: string }).run_id;
    if (unreachable.includes(runId)) throw new TypeError("fetch failed");
    if (path.endsWith("runs/update")) {
      const body = JSON.parse(String(init.body)) as { run_id: string; status: string; end_time: number };
      updates.push(body);
      statuses[runId] = body.status;
    }
    const info = { run_id: runId, run_uuid: runId, experiment_id: "0", status: statuses[runId], lifecycle_stage: "active" };
    return new Response(JSON.stringify(path.endsWith("runs/get") ? { run: { info } } : { run_info: info }), { status: 200 });
  };
  return { send, updates, statuses };
}

/** A runner that reports these events, then ends with this outcome. */
function scriptedRunner(events: RunnerEvent[], outcome: RunOutcome): Runner {
  return {
    kind: "worker",
    async run(_request, { onEvent }) {
      for (const event of events) onEvent(event);
      return outcome;
    },
  };
}

const request = { files: {}, entry: "main.ts", trackingUri: "http://cuvee.test/w/abc", timeoutMs: 1_000 };

describe("ExecutionRunLedger", () => {
  it("knows the runs created, in order, and those left open", () => {
    const ledger = new ExecutionRunLedger();
    for (const event of [
      { type: "run-created", runId: "a" },
      { type: "console", level: "log", text: "x" },
      { type: "run-created", runId: "b" },
      { type: "run-ended", runId: "a" },
      { type: "run-created", runId: "c" },
    ] satisfies RunnerEvent[]) {
      ledger.observe(event);
    }
    expect(ledger.runIds).toEqual(["a", "b", "c"]);
    expect(ledger.leftOpen()).toEqual(["b", "c"]);
  });
});

describe("statusForRunsLeftOpen", () => {
  it("follows MLflow: FAILED when the script failed, KILLED when it was stopped or timed out, untouched when it succeeded", () => {
    expect(statusForRunsLeftOpen("failed")).toBe("FAILED");
    expect(statusForRunsLeftOpen("timed-out")).toBe("KILLED");
    expect(statusForRunsLeftOpen("stopped")).toBe("KILLED");
    expect(statusForRunsLeftOpen("succeeded")).toBeUndefined();
  });
});

describe("endRunsLeftOpen", () => {
  it("ends the runs still RUNNING with the status and end time, leaves ended ones, and returns those it could not reach", async () => {
    const server = fakeServer({ a: "RUNNING", b: "FINISHED", c: "RUNNING" }, ["c"]);
    const notEnded = await endRunsLeftOpen(request.trackingUri, ["a", "b", "c"], "KILLED", { send: server.send, endTime: 1234 });
    expect(server.updates).toEqual([{ run_id: "a", status: "KILLED", end_time: 1234 }]);
    expect(server.statuses).toEqual({ a: "KILLED", b: "FINISHED", c: "RUNNING" });
    expect(notEnded).toEqual(["c"]);
  });
});

describe("endingRunsLeftOpen", () => {
  const created = (runId: string): RunnerEvent => ({ type: "run-created", runId });

  it("ends KILLED the runs a stopped or timed-out execution left open, before it resolves", async () => {
    for (const outcome of [{ status: "stopped" }, { status: "timed-out", timeoutMs: 1_000 }] satisfies RunOutcome[]) {
      const server = fakeServer({ a: "FINISHED", b: "RUNNING" });
      const events: RunnerEvent[] = [];
      const runner = endingRunsLeftOpen(scriptedRunner([created("a"), { type: "run-ended", runId: "a" }, created("b")], outcome), { send: server.send });
      expect(await runner.run(request, { signal: new AbortController().signal, onEvent: (event) => events.push(event) })).toEqual(outcome);
      expect(server.updates.map(({ run_id, status }) => [run_id, status])).toEqual([["b", "KILLED"]]);
      // The page still hears every event.
      expect(events).toHaveLength(3);
    }
  });

  it("ends FAILED what a failed execution left open, and touches nothing after a success", async () => {
    const failed = fakeServer({ a: "RUNNING" });
    await endingRunsLeftOpen(scriptedRunner([created("a")], { status: "failed" }), { send: failed.send }).run(request, { signal: new AbortController().signal, onEvent: () => undefined });
    expect(failed.statuses).toEqual({ a: "FAILED" });

    const succeeded = fakeServer({ a: "RUNNING" });
    await endingRunsLeftOpen(scriptedRunner([created("a")], { status: "succeeded" }), { send: succeeded.send }).run(request, { signal: new AbortController().signal, onEvent: () => undefined });
    expect(succeeded.updates).toEqual([]);
  });
});
