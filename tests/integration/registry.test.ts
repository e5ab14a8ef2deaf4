/** The model registry endpoints, end to end (default workspace). */
import { beforeAll, describe, expect, it } from "vitest";
import {
  ModelVersionResponseSchema,
  RegisteredModelResponseSchema,
  SearchModelVersionsResponseSchema,
  SearchRegisteredModelsResponseSchema,
} from "@/lib/tracking/protocol";
import { expectMlflowError, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();
let experimentId: string;
let runId: string;

beforeAll(async () => {
  experimentId = (await api.post("experiments/create", { name: uniqueName("registry") })).json.experiment_id;
  runId = (await api.post("runs/create", { experiment_id: experimentId })).json.run.info.run_id;
});

async function newModel(extra: Record<string, unknown> = {}): Promise<string> {
  const name = uniqueName("model");
  const res = await api.post("registered-models/create", { name, ...extra });
  expect(res.status).toBe(200);
  return name;
}

async function newVersion(name: string, extra: Record<string, unknown> = {}) {
  const res = await api.post("model-versions/create", { name, source: `runs:/${runId}/model`, run_id: runId, ...extra });
  expect(res.status).toBe(200);
  return res.json.model_version as { version: string; current_stage: string; [key: string]: unknown };
}

const stageOf = async (name: string, version: string) =>
  (await api.get("model-versions/get", { name, version })).json.model_version.current_stage as string;

describe("registered-models create/get/rename/update/delete", () => {
  it("creates with tags and description, in MLflow's shape", async () => {
    const name = uniqueName("model");
    const res = await api.post("registered-models/create", { name, description: "Vin rouge", tags: [{ key: "team", value: "a" }] });
    expect(res.status).toBe(200);
    expect(res.json.registered_model).toEqual({
      name,
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: expect.any(Number),
      description: "Vin rouge",
      tags: [{ key: "team", value: "a" }],
    });
    RegisteredModelResponseSchema.parse(res.json);
    expect((await api.get("registered-models/get", { name })).json).toEqual(res.json);
  });

  it("refuses a duplicate or empty name, and answers 404 for an unknown one", async () => {
    const name = await newModel();
    expectMlflowError(await api.post("registered-models/create", { name }), 400, "RESOURCE_ALREADY_EXISTS", `Registered Model (name=${name}) already exists.`);
    expectMlflowError(await api.post("registered-models/create", { name: "" }), 400, "INVALID_PARAMETER_VALUE", /name/);
    expectMlflowError(await api.get("registered-models/get", { name: "no-such-model" }), 404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=no-such-model not found");
  });

  it("renames (versions follow), updates the description with PATCH, deletes with DELETE", async () => {
    const name = await newModel();
    await newVersion(name);
    const newName = uniqueName("renamed");
    const renamed = await api.post("registered-models/rename", { name, new_name: newName });
    expect(renamed.json.registered_model.name).toBe(newName);
    expect(renamed.json.registered_model.latest_versions[0]).toMatchObject({ name: newName, version: "1" });
    expectMlflowError(await api.get("registered-models/get", { name }), 404, "RESOURCE_DOES_NOT_EXIST");
    const other = await newModel();
    expectMlflowError(await api.post("registered-models/rename", { name: other, new_name: newName }), 400, "RESOURCE_ALREADY_EXISTS");

    const updated = await api.patch("registered-models/update", { name: newName, description: "nouvelle description" });
    expect(updated.json.registered_model.description).toBe("nouvelle description");
    expectMlflowError(await api.post("registered-models/update", { name: newName }), 405, "ENDPOINT_NOT_FOUND");

    expect((await api.del("registered-models/delete", { name: newName })).json).toEqual({});
    expectMlflowError(await api.get("registered-models/get", { name: newName }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.get("model-versions/get", { name: newName, version: "1" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.del("registered-models/delete", { name: newName }), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("accepts DELETE parameters in the query string too", async () => {
    const name = await newModel();
    const res = await api.call("DELETE", "registered-models/delete", { query: { name } });
    expect(res.status).toBe(200);
    expectMlflowError(await api.get("registered-models/get", { name }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("registered-models tags", () => {
  it("sets, overwrites and deletes; validates keys and values", async () => {
    const name = await newModel();
    await api.post("registered-models/set-tag", { name, key: "k", value: "1" });
    await api.post("registered-models/set-tag", { name, key: "k", value: "2" });
    expect((await api.get("registered-models/get", { name })).json.registered_model.tags).toEqual([{ key: "k", value: "2" }]);
    expect((await api.del("registered-models/delete-tag", { name, key: "k" })).json).toEqual({});
    expect((await api.get("registered-models/get", { name })).json.registered_model.tags).toBeUndefined();
    expectMlflowError(await api.del("registered-models/delete-tag", { name, key: "k" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expect((await api.post("registered-models/set-tag", { name, key: "k".repeat(250), value: "v".repeat(5000) })).status).toBe(200);
    expectMlflowError(await api.post("registered-models/set-tag", { name, key: "k".repeat(251), value: "v" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("registered-models/set-tag", { name, key: "k", value: "v".repeat(5001) }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("registered-models/set-tag", { name, key: "../k", value: "v" }), 400, "INVALID_PARAMETER_VALUE");
  });
});

describe("model-versions create/get/update/delete", () => {
  it("numbers versions per model as strings, from 1, never reusing a deleted number", async () => {
    const a = await newModel();
    const b = await newModel();
    const v1 = await newVersion(a, { description: "first", tags: [{ key: "t", value: "1" }], run_link: "http://x/run" });
    expect(v1).toEqual({
      name: a,
      version: "1",
      creation_timestamp: expect.any(Number),
      last_updated_timestamp: expect.any(Number),
      current_stage: "None",
      description: "first",
      source: `runs:/${runId}/model`,
      run_id: runId,
      status: "READY",
      tags: [{ key: "t", value: "1" }],
      run_link: "http://x/run",
    });
    ModelVersionResponseSchema.parse({ model_version: v1 });
    expect((await newVersion(a)).version).toBe("2");
    expect((await newVersion(b)).version).toBe("1");
    expect((await api.del("model-versions/delete", { name: a, version: "2" })).json).toEqual({});
    expectMlflowError(await api.get("model-versions/get", { name: a, version: "2" }), 404, "RESOURCE_DOES_NOT_EXIST", `Model Version (name=${a}, version=2) not found`);
    expect((await newVersion(a)).version).toBe("3");
  });

  it("takes the run from a runs:/ source, refuses unknown runs, models and foreign schemes", async () => {
    const name = await newModel();
    const res = await api.post("model-versions/create", { name, source: `runs:/${runId}/model` });
    expect(res.json.model_version.run_id).toBe(runId);
    expectMlflowError(await api.post("model-versions/create", { name, source: `runs:/${"0".repeat(32)}/model` }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("model-versions/create", { name: "no-such-model", source: `runs:/${runId}/model` }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("model-versions/create", { name, source: "/etc/passwd" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("model-versions/create", { name }), 400, "INVALID_PARAMETER_VALUE", /source/);
  });

  it("updates the description with PATCH; refuses non-integer versions", async () => {
    const name = await newModel();
    await newVersion(name);
    const res = await api.patch("model-versions/update", { name, version: "1", description: "meilleur" });
    expect(res.json.model_version.description).toBe("meilleur");
    expectMlflowError(await api.get("model-versions/get", { name, version: "one" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.get("model-versions/get", { name, version: "7" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("sets and deletes version tags", async () => {
    const name = await newModel();
    await newVersion(name);
    expect((await api.post("model-versions/set-tag", { name, version: "1", key: "validated", value: "yes" })).json).toEqual({});
    expect((await api.get("model-versions/get", { name, version: "1" })).json.model_version.tags).toEqual([{ key: "validated", value: "yes" }]);
    expect((await api.del("model-versions/delete-tag", { name, version: "1", key: "validated" })).json).toEqual({});
    expectMlflowError(await api.del("model-versions/delete-tag", { name, version: "1", key: "validated" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("model-versions/set-tag", { name, version: "1", key: "k", value: "v".repeat(5001) }), 400, "INVALID_PARAMETER_VALUE");
  });

  it("answers the download URI as the run's artifact location", async () => {
    const name = await newModel();
    await newVersion(name);
    const res = await api.get("model-versions/get-download-uri", { name, version: "1" });
    expect(res.json).toEqual({ artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/model` });
    const copy = await newModel();
    await api.post("model-versions/create", { name: copy, source: `models:/${name}/1` });
    expect((await api.get("model-versions/get-download-uri", { name: copy, version: "1" })).json).toEqual(res.json);
  });
});

describe("model-versions/transition-stage", () => {
  it("moves between stages (case-insensitive) without archiving the others", async () => {
    const name = await newModel();
    await newVersion(name);
    await newVersion(name);
    const res = await api.post("model-versions/transition-stage", { name, version: "1", stage: "staging", archive_existing_versions: false });
    expect(res.json.model_version).toMatchObject({ version: "1", current_stage: "Staging" });
    await api.post("model-versions/transition-stage", { name, version: "2", stage: "Staging", archive_existing_versions: false });
    expect([await stageOf(name, "1"), await stageOf(name, "2")]).toEqual(["Staging", "Staging"]);
  });

  it("archives the other versions of the target stage with archive_existing_versions", async () => {
    const name = await newModel();
    for (let i = 0; i < 3; i += 1) await newVersion(name);
    await api.post("model-versions/transition-stage", { name, version: "1", stage: "Production", archive_existing_versions: false });
    await api.post("model-versions/transition-stage", { name, version: "2", stage: "Staging", archive_existing_versions: false });
    await api.post("model-versions/transition-stage", { name, version: "3", stage: "Production", archive_existing_versions: true });
    expect([await stageOf(name, "1"), await stageOf(name, "2"), await stageOf(name, "3")]).toEqual(["Archived", "Staging", "Production"]);
  });

  it("refuses unknown stages, archiving into None/Archived, and a missing flag", async () => {
    const name = await newModel();
    await newVersion(name);
    expectMlflowError(await api.post("model-versions/transition-stage", { name, version: "1", stage: "Prod", archive_existing_versions: false }), 400, "INVALID_PARAMETER_VALUE", /Invalid Model Version stage: Prod/);
    expectMlflowError(await api.post("model-versions/transition-stage", { name, version: "1", stage: "Archived", archive_existing_versions: true }), 400, "INVALID_PARAMETER_VALUE", /not an Active stage/);
    expectMlflowError(await api.post("model-versions/transition-stage", { name, version: "1", stage: "Staging" }), 400, "INVALID_PARAMETER_VALUE", /archive_existing_versions/);
  });
});

describe("registered-models/get-latest-versions", () => {
  it("answers the latest version of each stage (or of the stages asked for), POST and GET", async () => {
    const name = await newModel();
    for (let i = 0; i < 4; i += 1) await newVersion(name);
    await api.post("model-versions/transition-stage", { name, version: "1", stage: "Production", archive_existing_versions: false });
    await api.post("model-versions/transition-stage", { name, version: "2", stage: "Staging", archive_existing_versions: false });
    await api.post("model-versions/transition-stage", { name, version: "3", stage: "Staging", archive_existing_versions: false });
    const all = await api.post("registered-models/get-latest-versions", { name });
    expect(all.json.model_versions.map((v: { version: string; current_stage: string }) => [v.current_stage, v.version])).toEqual([
      ["None", "4"],
      ["Staging", "3"],
      ["Production", "1"],
    ]);
    const staging = await api.get("registered-models/get-latest-versions", { name, stages: ["staging"] });
    expect(staging.json.model_versions.map((v: { version: string }) => v.version)).toEqual(["3"]);
    expect((await api.post("registered-models/get-latest-versions", { name, stages: ["Archived"] })).json).toEqual({});
    expectMlflowError(await api.post("registered-models/get-latest-versions", { name, stages: ["Nope"] }), 400, "INVALID_PARAMETER_VALUE");
    expect((await api.get("registered-models/get", { name })).json.registered_model.latest_versions).toHaveLength(3);
  });
});

describe("registered-models aliases", () => {
  it("sets, reads (by alias and on the entities) and deletes an alias", async () => {
    const name = await newModel();
    await newVersion(name);
    await newVersion(name);
    expect((await api.post("registered-models/alias", { name, alias: "champion", version: "1" })).json).toEqual({});
    await api.post("registered-models/alias", { name, alias: "champion", version: "2" });
    await api.post("registered-models/alias", { name, alias: "challenger", version: 1 });
    const byAlias = await api.get("registered-models/alias", { name, alias: "champion" });
    expect(byAlias.json.model_version).toMatchObject({ version: "2", aliases: ["champion"] });
    expect((await api.get("registered-models/get", { name })).json.registered_model.aliases).toEqual([
      { alias: "challenger", version: "1" },
      { alias: "champion", version: "2" },
    ]);
    expect((await api.del("registered-models/alias", { name, alias: "champion" })).json).toEqual({});
    expectMlflowError(await api.get("registered-models/alias", { name, alias: "champion" }), 404, "RESOURCE_DOES_NOT_EXIST");
    // Deleting the version removes the aliases that pointed at it.
    await api.del("model-versions/delete", { name, version: "1" });
    expectMlflowError(await api.get("registered-models/alias", { name, alias: "challenger" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("validates alias names and targets", async () => {
    const name = await newModel();
    await newVersion(name);
    for (const alias of ["latest", "LATEST", "v1", "has space", "a/b"]) {
      expectMlflowError(await api.post("registered-models/alias", { name, alias, version: "1" }), 400, "INVALID_PARAMETER_VALUE");
    }
    expect((await api.post("registered-models/alias", { name, alias: "a".repeat(255), version: "1" })).status).toBe(200);
    expectMlflowError(await api.post("registered-models/alias", { name, alias: "a".repeat(256), version: "1" }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.post("registered-models/alias", { name, alias: "prod", version: "9" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("registered-models/search and model-versions/search", () => {
  const prefix = uniqueName("srch");
  const names = [`${prefix}-alpha`, `${prefix}-beta`, `${prefix}-Gamma`];
  let otherRun: string;

  beforeAll(async () => {
    otherRun = (await api.post("runs/create", { experiment_id: experimentId })).json.run.info.run_id;
    for (const name of names) await api.post("registered-models/create", { name, tags: [{ key: "kind", value: name.endsWith("beta") ? "b" : "a" }] });
    await api.post("model-versions/create", { name: names[0], source: `runs:/${runId}/model` });
    await api.post("model-versions/create", { name: names[0], source: `runs:/${otherRun}/model` });
    await api.post("model-versions/create", { name: names[1], source: `runs:/${otherRun}/other` });
  });

  const modelNames = (json: { registered_models?: { name: string }[] }) => (json.registered_models ?? []).map((m) => m.name);
  const versionsOf = (json: { model_versions?: { name: string; version: string }[] }) =>
    (json.model_versions ?? []).map((v) => `${v.name.slice(prefix.length + 1)}/${v.version}`);

  it.each([
    [`name = '${names[0]}'`, [names[0]]],
    [`name LIKE '${prefix}-%'`, names.slice().sort()],
    [`name LIKE '${prefix}-g%'`, []],
    [`name ILIKE '${prefix}-g%'`, [names[2]]],
    [`name LIKE '${prefix}%' AND tags.kind = 'b'`, [names[1]]],
  ])("registered models: %s", async (filter, expected) => {
    const res = await api.get("registered-models/search", { filter });
    expect(res.status).toBe(200);
    expect(modelNames(res.json)).toEqual(expected);
    SearchRegisteredModelsResponseSchema.parse(res.json);
  });

  it("orders and pages registered models; bounds max_results at 1000", async () => {
    const filter = `name LIKE '${prefix}-%'`;
    const desc = await api.get("registered-models/search", { filter, order_by: ["name DESC"] });
    expect(modelNames(desc.json)).toEqual(names.slice().sort().reverse());
    const first = await api.get("registered-models/search", { filter, max_results: 2 });
    expect(modelNames(first.json)).toHaveLength(2);
    const second = await api.get("registered-models/search", { filter, max_results: 2, page_token: first.json.next_page_token });
    expect([...modelNames(first.json), ...modelNames(second.json)]).toEqual(names.slice().sort());
    expect(second.json.next_page_token).toBeUndefined();
    expect((await api.get("registered-models/search", { max_results: 1000 })).status).toBe(200);
    expectMlflowError(await api.get("registered-models/search", { max_results: 1001 }), 400, "INVALID_PARAMETER_VALUE");
  });

  it.each([
    [() => `name = '${names[0]}'`, ["alpha/2", "alpha/1"]],
    [() => `run_id = '${otherRun}'`, ["alpha/2", "beta/1"]],
    [() => `run_id IN ('${runId}', '${otherRun}') AND name LIKE '${prefix}%'`, ["alpha/2", "alpha/1", "beta/1"]],
    [() => `source_path = 'runs:/${otherRun}/other'`, ["beta/1"]],
    [() => `name = '${names[0]}' AND version_number > 1`, ["alpha/2"]],
  ])("model versions: %s", async (filter, expected) => {
    const res = await api.get("model-versions/search", { filter: filter() });
    expect(res.status).toBe(200);
    expect(versionsOf(res.json)).toEqual(expected);
    SearchModelVersionsResponseSchema.parse(res.json);
  });

  it("orders and pages model versions; bounds max_results at 200000", async () => {
    const filter = `name LIKE '${prefix}%'`;
    const asc = await api.get("model-versions/search", { filter, order_by: ["version_number ASC", "name DESC"] });
    expect(versionsOf(asc.json)).toEqual(["beta/1", "alpha/1", "alpha/2"]);
    const first = await api.get("model-versions/search", { filter, max_results: 1 });
    expect(versionsOf(first.json)).toEqual(["alpha/2"]);
    expect(first.json.next_page_token).toEqual(expect.any(String));
    expect((await api.get("model-versions/search", { max_results: 200_000 })).status).toBe(200);
    expectMlflowError(await api.get("model-versions/search", { max_results: 200_001 }), 400, "INVALID_PARAMETER_VALUE");
  });

  it.each([
    ["registered-models/search", "name = 5"],
    ["registered-models/search", "run_id = 'x'"],
    ["registered-models/search", "name = 'a' OR name = 'b'"],
    ["model-versions/search", "version_number = 'x'"],
    ["model-versions/search", "name IN ('a')"],
    ["model-versions/search", "metrics.x > 1"],
  ])("%s refuses %j", async (endpoint, filter) => {
    expectMlflowError(await api.get(endpoint, { filter }), 400, "INVALID_PARAMETER_VALUE");
  });
});
