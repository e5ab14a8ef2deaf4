import { afterEach, describe, expect, it, vi } from "vitest";
import { endRun, logMetric, logParam, resetFluentState, setTag, startRun } from "./fluent";
import { setTrackingUri } from "./config";

/**
 * The order in which the SDK sends and settles requests, for writes the learner did not await.
 * The transport is faked here (fetch stubbed) because the property under test is the SDK's own
 * ordering: with a real server the race only shows now and then (it once failed CI that way).
 * The end-to-end behaviour is covered against the real server in tests/integration/sdk.test.ts.
 */
describe("writes nobody awaited", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetFluentState();
  });

  it("are answered before the run is ended, even when endRun follows in the same tick", async () => {
    const events = fakeTrackingServer({ slow: ["runs/log-metric", "runs/log-parameter", "runs/set-tag"] });
    setTrackingUri("http://tracking.test");
    await startRun();

    void logParam("forgotten", "await");
    void logMetric("also", 1);
    void setTag("and", "this");
    await endRun();

    const ended = events.indexOf("start runs/update");
    expect(ended).toBeGreaterThan(-1);
    for (const path of ["runs/log-parameter", "runs/log-metric", "runs/set-tag"]) {
      const answered = events.indexOf(`end ${path}`);
      expect(answered, `${path} answered before the run ended`).toBeGreaterThan(-1);
      expect(answered).toBeLessThan(ended);
    }
  });
});

/** Records `start <path>` / `end <path>` for every request; the `slow` ones answer after 30 ms. */
function fakeTrackingServer({ slow }: { slow: string[] }): string[] {
  const events: string[] = [];
  vi.stubGlobal("fetch", async (input: string | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname.replace("/api/2.0/mlflow/", "");
    events.push(`start ${path}`);
    if (slow.includes(path)) await new Promise((resolve) => setTimeout(resolve, 30));
    events.push(`end ${path}`);
    const body = path === "runs/create" || path === "runs/update" ? runResponse(path, init) : {};
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  return events;
}

function runResponse(path: string, init?: RequestInit) {
  const info = {
    run_id: "r1",
    run_uuid: "r1",
    experiment_id: "0",
    status: path === "runs/update" ? (JSON.parse(String(init?.body)) as { status: string }).status : "RUNNING",
    start_time: 1,
    artifact_uri: "mlflow-artifacts:/0/r1/artifacts",
    lifecycle_stage: "active",
  };
  return path === "runs/create" ? { run: { info, data: { tags: [] } } } : { run_info: info };
}
