/**
 * Cross-workspace refusal on every endpoint: workspace B names workspace A's experiment, run,
 * model, version and alias, and gets exactly what a missing object gives (404
 * RESOURCE_DOES_NOT_EXIST), or sees nothing of A in searches. The table is typed by the
 * protocol's endpoint list, so a new endpoint cannot be added without a case here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mlflowEndpoints, type EndpointName } from "@/lib/tracking/protocol";
import { artifactsApi, closeTestDb, createTestWorkspace, expectMlflowError, mlflowApi, uniqueName, type ApiResponse, type MlflowApi } from "./helpers";

let a: MlflowApi;
let b: MlflowApi;
let workspaceA: string;
let workspaceB: string;
const foreign = { experimentId: "", experimentName: "", firstExperimentName: "", runId: "", model: "", bOwnModel: "" };

beforeAll(async () => {
  workspaceA = await createTestWorkspace();
  workspaceB = await createTestWorkspace();
  a = mlflowApi(workspaceA);
  b = mlflowApi(workspaceB);
  // A gets experiments 1..3, so that "3" names nothing in B.
  for (let i = 0; i < 3; i += 1) {
    foreign.experimentName = uniqueName("a-exp");
    foreign.experimentId = (await a.post("experiments/create", { name: foreign.experimentName })).json.experiment_id;
    if (i === 0) foreign.firstExperimentName = foreign.experimentName;
  }
  await a.post("experiments/set-experiment-tag", { experiment_id: foreign.experimentId, key: "t", value: "a" });
  foreign.runId = (await a.post("runs/create", { experiment_id: foreign.experimentId })).json.run.info.run_id;
  await a.post("runs/log-batch", {
    run_id: foreign.runId,
    metrics: [{ key: "m", value: 1, timestamp: 1 }],
    params: [{ key: "p", value: "a" }],
    tags: [{ key: "t", value: "a" }],
  });
  foreign.model = uniqueName("a-model");
  await a.post("registered-models/create", { name: foreign.model, tags: [{ key: "t", value: "a" }] });
  await a.post("model-versions/create", { name: foreign.model, source: `runs:/${foreign.runId}/model`, tags: [{ key: "t", value: "a" }] });
  await a.post("registered-models/alias", { name: foreign.model, alias: "champion", version: "1" });
  await artifactsApi(workspaceA).put(`${foreign.experimentId}/${foreign.runId}/artifacts/secret.txt`, "A's secret");
  foreign.bOwnModel = uniqueName("b-model");
  await b.post("registered-models/create", { name: foreign.bOwnModel });
});

afterAll(closeTestDb);

type Expectation = "not-found" | ((res: ApiResponse) => void);
interface Case {
  body: () => Record<string, unknown>;
  expect: Expectation;
}

const notFound = (body: () => Record<string, unknown>): Case => ({ body, expect: "not-found" });
const run = () => ({ run_id: foreign.runId });
const experiment = () => ({ experiment_id: foreign.experimentId });
const model = () => ({ name: foreign.model });
const version = () => ({ name: foreign.model, version: "1" });

const CASES: Record<EndpointName, Case> = {
  createExperiment: {
    body: () => ({ name: foreign.experimentName }),
    // A's name is free in B: B gets its own experiment, numbered in B.
    expect: (res) => expect(res).toMatchObject({ status: 200, json: { experiment_id: "1" } }),
  },
  getExperiment: notFound(experiment),
  getExperimentByName: notFound(() => ({ experiment_name: foreign.firstExperimentName })),
  searchExperiments: {
    body: () => ({ filter: "tags.t = 'a'", view_type: "ALL" }),
    expect: (res) => expect(res).toMatchObject({ status: 200, json: {} }),
  },
  listExperiments: {
    body: () => ({ view_type: "ALL" }),
    expect: (res) => expect(res.json.experiments.map((e: { experiment_id: string }) => e.experiment_id).sort()).toEqual(["0", "1"]),
  },
  createRun: notFound(experiment),
  getRun: notFound(run),
  updateRun: notFound(() => ({ ...run(), status: "KILLED" })),
  logMetric: notFound(() => ({ ...run(), key: "m", value: 2, timestamp: 2 })),
  logParam: notFound(() => ({ ...run(), key: "p", value: "b" })),
  setTag: notFound(() => ({ ...run(), key: "t", value: "b" })),
  logBatch: notFound(() => ({ ...run(), tags: [{ key: "t", value: "b" }] })),
  searchRuns: {
    body: () => ({ experiment_ids: ["0", "1", "2", "3"], run_view_type: "ALL" }),
    expect: (res) => expect(res).toMatchObject({ status: 200, json: {} }),
  },
  updateExperiment: notFound(() => ({ ...experiment(), new_name: uniqueName("stolen") })),
  deleteExperiment: notFound(experiment),
  restoreExperiment: notFound(experiment),
  setExperimentTag: notFound(() => ({ ...experiment(), key: "t", value: "b" })),
  deleteExperimentTag: notFound(() => ({ ...experiment(), key: "t" })),
  deleteRun: notFound(run),
  restoreRun: notFound(run),
  deleteTag: notFound(() => ({ ...run(), key: "t" })),
  logInputs: notFound(() => ({ ...run(), datasets: [{ dataset: { name: "d", digest: "x", source_type: "local", source: "s" } }] })),
  getMetricHistory: notFound(() => ({ ...run(), metric_key: "m" })),
  listArtifacts: notFound(run),
  createRegisteredModel: {
    body: () => ({ name: `${foreign.model}-b` }),
    expect: (res) => expect(res.status).toBe(200),
  },
  getRegisteredModel: notFound(model),
  renameRegisteredModel: notFound(() => ({ ...model(), new_name: uniqueName("stolen") })),
  updateRegisteredModel: notFound(() => ({ ...model(), description: "b" })),
  deleteRegisteredModel: notFound(model),
  searchRegisteredModels: {
    body: () => ({ filter: `name = '${foreign.model}'` }),
    expect: (res) => expect(res).toMatchObject({ status: 200, json: {} }),
  },
  getLatestVersions: notFound(model),
  setRegisteredModelTag: notFound(() => ({ ...model(), key: "t", value: "b" })),
  deleteRegisteredModelTag: notFound(() => ({ ...model(), key: "t" })),
  setRegisteredModelAlias: notFound(() => ({ ...model(), alias: "champion", version: "1" })),
  deleteRegisteredModelAlias: notFound(() => ({ ...model(), alias: "champion" })),
  getModelVersionByAlias: notFound(() => ({ ...model(), alias: "champion" })),
  // B's own model, A's run as the source: the run does not exist from B.
  createModelVersion: notFound(() => ({ name: foreign.bOwnModel, source: `runs:/${foreign.runId}/model` })),
  getModelVersion: notFound(version),
  updateModelVersion: notFound(() => ({ ...version(), description: "b" })),
  deleteModelVersion: notFound(version),
  searchModelVersions: {
    body: () => ({ filter: `run_id = '${foreign.runId}'` }),
    expect: (res) => expect(res).toMatchObject({ status: 200, json: {} }),
  },
  transitionModelVersionStage: notFound(() => ({ ...version(), stage: "Production", archive_existing_versions: true })),
  setModelVersionTag: notFound(() => ({ ...version(), key: "t", value: "b" })),
  deleteModelVersionTag: notFound(() => ({ ...version(), key: "t" })),
  getModelVersionDownloadUri: notFound(version),
};

async function callEndpoint(api: MlflowApi, name: EndpointName, body: Record<string, unknown>): Promise<ApiResponse> {
  const { path, methods } = mlflowEndpoints[name];
  const method = methods[0];
  if (method === "GET") return api.call("GET", path, { query: body as Record<string, string> });
  return api.call(method, path, { body });
}

describe("cross-workspace refusal", () => {
  it.each(Object.keys(CASES) as EndpointName[])("%s", async (name) => {
    const testCase = CASES[name];
    const res = await callEndpoint(b, name, testCase.body());
    if (testCase.expect === "not-found") expectMlflowError(res, 404, "RESOURCE_DOES_NOT_EXIST");
    else testCase.expect(res);
  });

  it("left workspace A's objects untouched", async () => {
    const exp = (await a.get("experiments/get", { experiment_id: foreign.experimentId })).json.experiment;
    expect(exp).toMatchObject({ name: foreign.experimentName, lifecycle_stage: "active", tags: [{ key: "t", value: "a" }] });
    const runA = (await a.get("runs/get", { run_id: foreign.runId })).json.run;
    expect(runA.info).toMatchObject({ status: "RUNNING", lifecycle_stage: "active" });
    expect(runA.data.metrics).toEqual([{ key: "m", value: 1, timestamp: 1, step: 0 }]);
    expect(runA.data.params).toEqual([{ key: "p", value: "a" }]);
    expect(runA.data.tags).toContainEqual({ key: "t", value: "a" });
    expect(runA.inputs).toEqual({});
    const modelA = (await a.get("registered-models/get", { name: foreign.model })).json.registered_model;
    expect(modelA).toMatchObject({ tags: [{ key: "t", value: "a" }], aliases: [{ alias: "champion", version: "1" }] });
    expect(modelA.description).toBeUndefined();
    const versionA = (await a.get("model-versions/get", { name: foreign.model, version: "1" })).json.model_version;
    expect(versionA).toMatchObject({ current_stage: "None", tags: [{ key: "t", value: "a" }] });
  });

  it("keeps each workspace's artifacts in its own root", async () => {
    const path = `${foreign.experimentId}/${foreign.runId}/artifacts/secret.txt`;
    expect(await (await artifactsApi(workspaceA).get(path)).text()).toBe("A's secret");
    const fromB = await artifactsApi(workspaceB).get(path);
    expect(fromB.status).toBe(404);
    expect((await fromB.json()).error_code).toBe("RESOURCE_DOES_NOT_EXIST");
    expect((await artifactsApi(workspaceB).list(`${foreign.experimentId}/${foreign.runId}/artifacts`)).json).toEqual({});
    expect((await artifactsApi(workspaceB).del(path)).status).toBe(404);
    expect((await artifactsApi().get(path)).status).toBe(404);
    expect((await artifactsApi(workspaceA).get(path)).status).toBe(200);
  });
});
