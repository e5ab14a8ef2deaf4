/** Workspaces: the un-prefixed API is the `default` workspace; `/w/<id>/…` are isolated from each other. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDb, createTestWorkspace, mlflowApi, type MlflowApi } from "./helpers";

let a: MlflowApi;
let b: MlflowApi;

beforeAll(async () => {
  a = mlflowApi(await createTestWorkspace());
  b = mlflowApi(await createTestWorkspace());
});

afterAll(closeTestDb);

describe("the default workspace", () => {
  it("serves the un-prefixed API, with MLflow's Default experiment as id 0", async () => {
    const res = await mlflowApi().get("experiments/get-by-name", { experiment_name: "Default" });
    expect(res.status).toBe(200);
    expect(res.json.experiment).toMatchObject({ experiment_id: "0", name: "Default", lifecycle_stage: "active" });
  });

  it("is also reachable as /w/default", async () => {
    const res = await mlflowApi("default").get("experiments/get", { experiment_id: "0" });
    expect(res.status).toBe(200);
  });
});

describe("workspace isolation", () => {
  it("gives each new workspace its own Default experiment and numbering", async () => {
    for (const api of [a, b]) {
      const res = await api.get("experiments/get", { experiment_id: "0" });
      expect(res.json.experiment.name).toBe("Default");
    }
    expect((await a.post("experiments/create", { name: "exp_wine_quality" })).json.experiment_id).toBe("1");
    expect((await b.post("experiments/create", { name: "exp_wine_quality" })).json.experiment_id).toBe("1");
  });

  it("never shows one workspace's experiments and runs to another", async () => {
    const experimentId = (await a.post("experiments/create", { name: "only-in-a" })).json.experiment_id as string;
    const run = (await a.post("runs/create", { experiment_id: experimentId, run_name: "secret" })).json.run.info;
    await a.post("runs/log-metric", { run_id: run.run_id, key: "rmse", value: 0.5, timestamp: 1 });

    expect((await b.get("experiments/get", { experiment_id: experimentId })).status).toBe(404);
    expect((await b.get("experiments/get-by-name", { experiment_name: "only-in-a" })).status).toBe(404);
    const getRun = await b.get("runs/get", { run_id: run.run_id });
    expect(getRun.status).toBe(404);
    expect(getRun.json.error_code).toBe("RESOURCE_DOES_NOT_EXIST");
    expect((await b.post("runs/log-metric", { run_id: run.run_id, key: "x", value: 1, timestamp: 1 })).status).toBe(404);
    expect((await b.post("runs/update", { run_id: run.run_id, status: "KILLED" })).status).toBe(404);
    expect((await b.post("runs/log-batch", { run_id: run.run_id, params: [{ key: "p", value: "1" }] })).status).toBe(404);
    const names = ((await b.post("experiments/search", {})).json.experiments ?? []).map((e: { name: string }) => e.name);
    expect(names).not.toContain("only-in-a");
    expect((await b.post("runs/search", { experiment_ids: [experimentId] })).json).toEqual({});
    expect((await mlflowApi().get("runs/get", { run_id: run.run_id })).status).toBe(404);

    // A still sees its own, untouched.
    const own = await a.get("runs/get", { run_id: run.run_id });
    expect(own.json.run.info.status).toBe("RUNNING");
    expect(own.json.run.data.metrics).toEqual([{ key: "rmse", value: 0.5, timestamp: 1, step: 0 }]);
  });

  it("answers 404 RESOURCE_DOES_NOT_EXIST for an unknown workspace, and never creates it", async () => {
    const unknown = mlflowApi("NoSuchWorkspace1234567");
    const create = await unknown.post("experiments/create", { name: "x" });
    expect(create.status).toBe(404);
    expect(create.json).toEqual({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "Workspace 'NoSuchWorkspace1234567' does not exist" });
    expect((await unknown.get("experiments/get", { experiment_id: "0" })).status).toBe(404);
    const malformed = await mlflowApi("bad%20id!").get("experiments/get", { experiment_id: "0" });
    expect(malformed.status).toBe(404);
  });
});
