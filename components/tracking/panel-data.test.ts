import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { refusal, startMlflowTestServer, type MlflowTestServer, type ReceivedRequest, type ScriptedAnswer } from "@/lib/tracking/test-support/mlflow-test-server";
import { fetchPanelModels, fetchPanelUpdate, type PanelState } from "./panel-data";
import { EVERYTHING } from "./panel-need";

const PREFIX = "/w/ws/api/2.0/mlflow/";

function wireRun(runId: string, experimentId: string, extra: Record<string, unknown> = {}) {
  return {
    info: { run_id: runId, run_uuid: runId, experiment_id: experimentId, status: "FINISHED", lifecycle_stage: "active", ...extra },
    data: { params: [{ key: "alpha", value: "0.5" }], metrics: [{ key: "rmse", value: "NaN", timestamp: 5, step: 0 }] },
  };
}

let server: MlflowTestServer;
let trackingUri: string;
let registry: ScriptedAnswer;
const experiments = [
  { experiment_id: "0", name: "Default", lifecycle_stage: "active" },
  { experiment_id: "1", name: "exp_vin", lifecycle_stage: "active" },
];

function answer(request: ReceivedRequest): ScriptedAnswer {
  const endpoint = request.url.slice(PREFIX.length);
  if (endpoint === "experiments/search") return { json: { experiments } };
  if (endpoint === "runs/search") {
    const ids = (JSON.parse(request.body) as { experiment_ids: string[] }).experiment_ids;
    const runs = [wireRun("r1", "1", { run_name: "essai", start_time: 1_700_000_000_000 }), wireRun("r0", "0")];
    return { json: { runs: runs.filter((run) => ids.includes(run.info.experiment_id)) } };
  }
  if (endpoint.startsWith("registered-models/search")) return registry;
  return refusal(404, "ENDPOINT_NOT_FOUND", "No endpoint");
}

beforeAll(async () => {
  server = await startMlflowTestServer(answer);
  trackingUri = `${server.origin}/w/ws`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const signal = new AbortController().signal;
const endpoints = () => server.requests.map((request) => `${request.method} ${request.url.slice(PREFIX.length)}`);

/** What the panel shows after a first fetch of the scripted server. */
async function firstState(): Promise<PanelState> {
  const state = await fetchPanelUpdate(trackingUri, EVERYTHING, null, signal);
  server.requests.length = 0;
  return state;
}

describe("what the live panel reads", () => {
  it("reads everything the first time: the experiments with their runs, and the registry", async () => {
    registry = { json: {} };
    const { experiments: panel } = await fetchPanelUpdate(trackingUri, EVERYTHING, null, signal);
    expect(panel.map((experiment) => [experiment.name, experiment.runs.map((run) => run.runId)])).toEqual([
      ["Default", ["r0"]],
      ["exp_vin", ["r1"]],
    ]);
    const run = panel[1]!.runs[0]!;
    expect(run).toMatchObject({ runId: "r1", runName: "essai", experimentId: "1", status: "FINISHED", startTime: 1_700_000_000_000 });
    expect(run.params).toEqual([{ key: "alpha", value: "0.5" }]);
    expect(run.metrics[0]!.key).toBe("rmse");
    expect(run.metrics[0]!.value).toBeNaN();
    expect(panel[0]!.runs[0]).toMatchObject({ runName: "", startTime: 0 });
    // No experiment known yet: the runs are searched once the experiments are listed.
    expect(endpoints().slice(0, 2).sort()).toEqual(["GET registered-models/search?max_results=100", "POST experiments/search"]);
    expect(endpoints()[2]).toBe("POST runs/search");
  });

  it("searches runs with experiments in one round trip when no experiment is new", async () => {
    registry = { json: {} };
    await fetchPanelUpdate(trackingUri, EVERYTHING, await firstState(), signal);
    expect(endpoints().sort()).toEqual(["GET registered-models/search?max_results=100", "POST experiments/search", "POST runs/search"]);
    expect(JSON.parse(server.requests.find((request) => request.url.endsWith("runs/search"))!.body)).toEqual({
      experiment_ids: ["0", "1"],
      max_results: 100,
      order_by: ["attributes.start_time DESC"],
    });
    expect(JSON.parse(server.requests.find((request) => request.url.endsWith("experiments/search"))!.body)).toEqual({
      max_results: 100,
      order_by: ["creation_time ASC"],
    });
  });

  it("reads only the runs of the experiments a change names, keeping the others", async () => {
    registry = { json: {} };
    const before = await firstState();
    const stale = { ...before, experiments: before.experiments.map((experiment) => ({ ...experiment, runs: [] })) };
    const after = await fetchPanelUpdate(trackingUri, { experiments: false, runsOf: new Set(["1"]), models: false }, stale, signal);
    expect(endpoints()).toEqual(["POST runs/search"]);
    expect(JSON.parse(server.requests[0]!.body).experiment_ids).toEqual(["1"]);
    expect(after.experiments.map((experiment) => [experiment.name, experiment.runs.map((run) => run.runId)])).toEqual([
      ["Default", []],
      ["exp_vin", ["r1"]],
    ]);
  });

  it("lists the experiments again when a change names one it does not show, and reads nothing for a registry-only change but the registry", async () => {
    registry = { json: {} };
    const before = await firstState();
    const onlyDefault = { ...before, experiments: before.experiments.filter((experiment) => experiment.experimentId === "0") };
    const after = await fetchPanelUpdate(trackingUri, { experiments: false, runsOf: new Set(["1"]), models: false }, onlyDefault, signal);
    expect(endpoints()).toEqual(["POST experiments/search", "POST runs/search"]);
    expect(after.experiments.map((experiment) => experiment.name)).toEqual(["Default", "exp_vin"]);
    server.requests.length = 0;
    const same = await fetchPanelUpdate(trackingUri, { experiments: false, runsOf: new Set(), models: true }, after, signal);
    expect(endpoints()).toEqual(["GET registered-models/search?max_results=100"]);
    expect(same.experiments).toEqual(after.experiments);
  });

  it("lists the registry's models through GET registered-models/search, newest version first with its aliases", async () => {
    const version = (number: string, stage: string) => ({ name: "vin", version: number, current_stage: stage, run_id: `r${number}` });
    registry = {
      json: {
        registered_models: [
          { name: "vin", latest_versions: [version("2", "Staging"), { name: "vin", version: "10" }], aliases: [{ alias: "champion", version: "10" }] },
        ],
      },
    };
    expect(await fetchPanelModels(trackingUri, signal)).toEqual([
      {
        name: "vin",
        versions: [
          { version: "10", stage: "None", runId: "", aliases: ["champion"] },
          { version: "2", stage: "Staging", runId: "r2", aliases: [] },
        ],
      },
    ]);
    expect(endpoints()).toEqual(["GET registered-models/search?max_results=100"]);
  });

  it("shows no model when the server has no registry, and fails on any other refusal", async () => {
    registry = refusal(404, "ENDPOINT_NOT_FOUND", "No registry here");
    await expect(fetchPanelModels(trackingUri, signal)).resolves.toEqual([]);
    registry = refusal(500, "INTERNAL_ERROR", "boom");
    await expect(fetchPanelModels(trackingUri, signal)).rejects.toMatchObject({ errorCode: "INTERNAL_ERROR" });
  });
});
