/** experiments/update, delete, restore, set-experiment-tag, delete-experiment-tag (default workspace). */
import { describe, expect, it } from "vitest";
import { expectMlflowError, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();

async function newExperiment(): Promise<{ id: string; name: string }> {
  const name = uniqueName("lifecycle");
  const res = await api.post("experiments/create", { name });
  expect(res.status).toBe(200);
  return { id: res.json.experiment_id, name };
}

describe("experiments/update (rename)", () => {
  it("renames an active experiment and answers {}", async () => {
    const { id } = await newExperiment();
    const newName = uniqueName("renamed");
    const res = await api.post("experiments/update", { experiment_id: id, new_name: newName });
    expect(res).toMatchObject({ status: 200, json: {} });
    expect((await api.get("experiments/get-by-name", { experiment_name: newName })).json.experiment.experiment_id).toBe(id);
  });

  it("refuses a taken name, an empty name, an unknown id, a deleted experiment", async () => {
    const a = await newExperiment();
    const b = await newExperiment();
    expectMlflowError(await api.post("experiments/update", { experiment_id: a.id, new_name: b.name }), 400, "RESOURCE_ALREADY_EXISTS");
    expectMlflowError(await api.post("experiments/update", { experiment_id: a.id, new_name: "" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("experiments/update", { experiment_id: "999999", new_name: "x" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("experiments/update", { new_name: "x" }), 400, "INVALID_PARAMETER_VALUE", /experiment_id/);
    await api.post("experiments/delete", { experiment_id: b.id });
    expectMlflowError(
      await api.post("experiments/update", { experiment_id: b.id, new_name: uniqueName("x") }),
      400,
      "INVALID_PARAMETER_VALUE",
      "Cannot rename a non-active experiment.",
    );
  });
});

describe("experiments/delete and restore", () => {
  it("soft-deletes with the experiment's runs, and restores both", async () => {
    const { id } = await newExperiment();
    const run = (await api.post("runs/create", { experiment_id: id })).json.run.info.run_id as string;
    expect((await api.post("experiments/delete", { experiment_id: id })).json).toEqual({});

    const got = await api.get("experiments/get", { experiment_id: id });
    expect(got.json.experiment.lifecycle_stage).toBe("deleted");
    expect((await api.get("runs/get", { run_id: run })).json.run.info.lifecycle_stage).toBe("deleted");
    const active = await api.post("experiments/search", { filter: `name = '${got.json.experiment.name}'` });
    expect(active.json).toEqual({});
    const deleted = await api.post("experiments/search", { filter: `name = '${got.json.experiment.name}'`, view_type: "DELETED_ONLY" });
    expect(deleted.json.experiments).toHaveLength(1);
    expectMlflowError(await api.post("runs/create", { experiment_id: id }), 400, "INVALID_PARAMETER_VALUE", /must be in the 'active' state/);
    expectMlflowError(await api.post("experiments/delete", { experiment_id: id }), 400, "INVALID_PARAMETER_VALUE");

    expect((await api.post("experiments/restore", { experiment_id: id })).json).toEqual({});
    expect((await api.get("experiments/get", { experiment_id: id })).json.experiment.lifecycle_stage).toBe("active");
    expect((await api.get("runs/get", { run_id: run })).json.run.info.lifecycle_stage).toBe("active");
    expectMlflowError(await api.post("experiments/restore", { experiment_id: id }), 400, "INVALID_PARAMETER_VALUE");
  });

  it("keeps the name taken while deleted, refuses the Default experiment and unknown ids", async () => {
    const { id, name } = await newExperiment();
    await api.post("experiments/delete", { experiment_id: id });
    expectMlflowError(await api.post("experiments/create", { name }), 400, "RESOURCE_ALREADY_EXISTS");
    expectMlflowError(await api.post("experiments/delete", { experiment_id: "0" }), 400, "INVALID_PARAMETER_VALUE", /default experiment/);
    expectMlflowError(await api.post("experiments/delete", { experiment_id: "424242" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("experiments/restore", { experiment_id: "424242" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("experiments/set-experiment-tag and delete-experiment-tag", () => {
  it("sets (overwrites) and deletes tags", async () => {
    const { id } = await newExperiment();
    expect((await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "team", value: "a" })).json).toEqual({});
    await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "team", value: "b" });
    await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "empty" });
    expect((await api.get("experiments/get", { experiment_id: id })).json.experiment.tags).toEqual([
      { key: "empty", value: "" },
      { key: "team", value: "b" },
    ]);
    expect((await api.post("experiments/delete-experiment-tag", { experiment_id: id, key: "team" })).json).toEqual({});
    expect((await api.get("experiments/get", { experiment_id: id })).json.experiment.tags).toEqual([{ key: "empty", value: "" }]);
    expectMlflowError(
      await api.post("experiments/delete-experiment-tag", { experiment_id: id, key: "team" }),
      404,
      "RESOURCE_DOES_NOT_EXIST",
    );
  });

  it("validates keys and values with MLflow's limits", async () => {
    const { id } = await newExperiment();
    expect((await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "k".repeat(250), value: "v".repeat(5000) })).status).toBe(200);
    expectMlflowError(await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "k".repeat(251), value: "v" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "k", value: "v".repeat(5001) }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("experiments/set-experiment-tag", { experiment_id: id, key: "bad!key", value: "v" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("experiments/set-experiment-tag", { experiment_id: id, value: "v" }), 400, "INVALID_PARAMETER_VALUE", /key/);
    expectMlflowError(await api.post("experiments/set-experiment-tag", { experiment_id: "777777", key: "k", value: "v" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});
