/** The experiment endpoints of the un-prefixed API (default workspace), end to end. */
import { describe, expect, it } from "vitest";
import {
  CreateExperimentResponseSchema,
  GetExperimentResponseSchema,
  SearchExperimentsResponseSchema,
} from "@/lib/tracking/protocol";
import { mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();

describe("experiments/create", () => {
  it("answers the new experiment_id as a string", async () => {
    const res = await api.post("experiments/create", { name: uniqueName("create"), tags: [{ key: "team", value: "vin" }] });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(["experiment_id"]);
    expect(CreateExperimentResponseSchema.parse(res.json).experiment_id).toMatch(/^[1-9]\d*$/);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("refuses a duplicate name: 400 RESOURCE_ALREADY_EXISTS", async () => {
    const name = uniqueName("dup");
    expect((await api.post("experiments/create", { name })).status).toBe(200);
    const res = await api.post("experiments/create", { name });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error_code: "RESOURCE_ALREADY_EXISTS", message: `Experiment(name=${name}) already exists.` });
  });

  it("requires a name: 400 INVALID_PARAMETER_VALUE", async () => {
    for (const body of [{}, { name: "" }]) {
      const res = await api.post("experiments/create", body);
      expect(res.status).toBe(400);
      expect(res.json.error_code).toBe("INVALID_PARAMETER_VALUE");
      expect(res.json.message).toContain("Missing value for required parameter 'name'");
    }
    const typed = await api.post("experiments/create", { name: 42 });
    expect(typed.status).toBe(400);
    expect(typed.json.message).toContain("Invalid value 42 for parameter 'name' supplied");
  });

  it("refuses a name over 500 characters", async () => {
    const res = await api.post("experiments/create", { name: "x".repeat(501) });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error_code: "INVALID_PARAMETER_VALUE",
      message: "Experiment name exceeds the maximum length of 500 characters",
    });
  });
});

describe("experiments/get and get-by-name", () => {
  it("answers MLflow's Experiment shape", async () => {
    const name = uniqueName("get");
    const { experiment_id: id } = (await api.post("experiments/create", { name, tags: [{ key: "k", value: "v" }] })).json;
    const res = await api.get("experiments/get", { experiment_id: id });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      experiment: {
        experiment_id: id,
        name,
        artifact_location: `mlflow-artifacts:/${id}`,
        lifecycle_stage: "active",
        last_update_time: expect.any(Number),
        creation_time: expect.any(Number),
        tags: [{ key: "k", value: "v" }],
      },
    });
    GetExperimentResponseSchema.parse(res.json);
    const byName = await api.get("experiments/get-by-name", { experiment_name: name });
    expect(byName.status).toBe(200);
    expect(byName.json).toEqual(res.json);
  });

  it("omits empty tags, as protobuf JSON does", async () => {
    const res = await api.get("experiments/get", { experiment_id: "0" });
    expect(res.json.experiment).toMatchObject({ experiment_id: "0", name: "Default", artifact_location: "mlflow-artifacts:/0" });
    expect(res.json.experiment).not.toHaveProperty("tags");
  });

  it("answers 404 RESOURCE_DOES_NOT_EXIST for an unknown id or name", async () => {
    const res = await api.get("experiments/get", { experiment_id: "987654" });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "No Experiment with id=987654 exists" });
    const byName = await api.get("experiments/get-by-name", { experiment_name: "no-such-experiment" });
    expect(byName.status).toBe(404);
    expect(byName.json).toEqual({
      error_code: "RESOURCE_DOES_NOT_EXIST",
      message: "Could not find experiment with name 'no-such-experiment'",
    });
  });

  it("requires experiment_id: 400 INVALID_PARAMETER_VALUE", async () => {
    const res = await api.get("experiments/get");
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe("INVALID_PARAMETER_VALUE");
    expect(res.json.message).toContain("'experiment_id'");
  });
});

describe("experiments/search (POST and GET) and experiments/list", () => {
  it("filters by name, orders and pages (POST)", async () => {
    const prefix = uniqueName("search");
    for (const suffix of ["b", "a", "c"]) await api.post("experiments/create", { name: `${prefix}-${suffix}` });
    const page1 = await api.post("experiments/search", {
      filter: `name LIKE '${prefix}-%'`,
      order_by: ["name ASC"],
      max_results: 2,
    });
    expect(page1.status).toBe(200);
    const parsed = SearchExperimentsResponseSchema.parse(page1.json);
    expect(parsed.experiments.map((e) => e.name)).toEqual([`${prefix}-a`, `${prefix}-b`]);
    expect(parsed.next_page_token).toBeTruthy();
    const page2 = await api.post("experiments/search", {
      filter: `name LIKE '${prefix}-%'`,
      order_by: ["name ASC"],
      max_results: 2,
      page_token: parsed.next_page_token,
    });
    expect(page2.json.experiments.map((e: { name: string }) => e.name)).toEqual([`${prefix}-c`]);
    expect(page2.json).not.toHaveProperty("next_page_token");
  });

  it("reads query parameters, repeated keys for lists (GET)", async () => {
    const name = uniqueName("get-search");
    await api.post("experiments/create", { name });
    const res = await api.get("experiments/search", {
      filter: `name = '${name}'`,
      max_results: "10",
      order_by: ["name DESC", "experiment_id ASC"],
      view_type: "ACTIVE_ONLY",
    });
    expect(res.status).toBe(200);
    expect(res.json.experiments.map((e: { name: string }) => e.name)).toEqual([name]);
  });

  it("answers {} when nothing matches (empty lists are omitted)", async () => {
    const res = await api.post("experiments/search", { filter: "name = 'nothing-matches-this'" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
  });

  it("rejects a malformed filter and a bad max_results", async () => {
    const filter = await api.post("experiments/search", { filter: "name = unquoted" });
    expect(filter.status).toBe(400);
    expect(filter.json.error_code).toBe("INVALID_PARAMETER_VALUE");
    const max = await api.post("experiments/search", { max_results: 0 });
    expect(max.status).toBe(400);
    expect(max.json.error_code).toBe("INVALID_PARAMETER_VALUE");
    const view = await api.get("experiments/search", { view_type: "SOMETIMES" });
    expect(view.status).toBe(400);
    expect(view.json.message).toContain("'view_type'");
  });

  it("serves the legacy GET experiments/list (npm mlflow client) with the search shape", async () => {
    const res = await api.get("experiments/list");
    expect(res.status).toBe(200);
    const names = SearchExperimentsResponseSchema.parse(res.json).experiments.map((e) => e.name);
    expect(names).toContain("Default");
    const bad = await api.get("experiments/list", { max_results: "abc" });
    expect(bad.status).toBe(400);
  });
});
