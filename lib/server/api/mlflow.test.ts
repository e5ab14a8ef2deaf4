/**
 * The dispatcher without a server: requests in, MLflow responses out, on a fresh SQLite file.
 * (tests/integration covers the same through `next start`.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace } from "@/lib/server/workspaces";
import { handleMlflowRequest } from "./mlflow";

const savedUrl = process.env.DATABASE_URL;
let database: TempDatabase;
let workspaceId: string;

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  await getDb();
  workspaceId = (await createWorkspace()).id;
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

async function call(method: string, path: string, init: { body?: string; query?: string; workspace?: string } = {}) {
  const request = new Request(`http://cuvee.test/api/2.0/mlflow/${path}${init.query ?? ""}`, { method, body: init.body });
  const response = await handleMlflowRequest(init.workspace ?? workspaceId, method, path.split("/"), request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

describe("handleMlflowRequest", () => {
  it("routes GET from the query string and POST from the JSON body", async () => {
    const created = await call("POST", "experiments/create", { body: JSON.stringify({ name: "e" }) });
    expect(created).toMatchObject({ status: 200, json: { experiment_id: "1" } });
    const read = await call("GET", "experiments/get", { query: "?experiment_id=1" });
    expect(read.json.experiment.name).toBe("e");
    const runs = await call("POST", "runs/search", { body: JSON.stringify({ experiment_ids: ["1"] }) });
    expect(runs).toMatchObject({ status: 200, json: {} });
  });

  it("reads repeated query keys as lists", async () => {
    const res = await call("GET", "experiments/search", { query: "?order_by=name%20DESC&order_by=experiment_id&max_results=5" });
    expect(res.status).toBe(200);
    expect(res.json.experiments.map((e: { name: string }) => e.name)).toEqual(["e", "Default"]);
  });

  it("answers OPTIONS with a CORS preflight and every answer with CORS headers", async () => {
    const preflight = await call("OPTIONS", "runs/create");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const error = await call("POST", "nope/nope", { body: "{}" });
    expect(error.status).toBe(404);
    expect(error.json.error_code).toBe("ENDPOINT_NOT_FOUND");
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("refuses unknown workspaces but creates `default` on first use", async () => {
    expect((await call("GET", "experiments/get", { query: "?experiment_id=0", workspace: "unknownWorkspace000000" })).status).toBe(404);
    const res = await call("GET", "experiments/get", { query: "?experiment_id=0", workspace: "default" });
    expect(res.json.experiment).toMatchObject({ experiment_id: "0", name: "Default" });
  });
});

describe("one path, several methods", () => {
  it("routes registered-models/alias by method (POST sets, GET reads, DELETE deletes) and 405s the rest", async () => {
    await call("POST", "registered-models/create", { body: JSON.stringify({ name: "m" }) });
    const run = await call("POST", "runs/create", { body: "{}" });
    await call("POST", "model-versions/create", { body: JSON.stringify({ name: "m", source: `runs:/${run.json.run.info.run_id}/model` }) });
    expect((await call("POST", "registered-models/alias", { body: JSON.stringify({ name: "m", alias: "a", version: "1" }) })).status).toBe(200);
    expect((await call("GET", "registered-models/alias", { query: "?name=m&alias=a" })).json.model_version.version).toBe("1");
    expect((await call("DELETE", "registered-models/alias", { query: "?name=m&alias=a" })).status).toBe(200);
    expect((await call("GET", "registered-models/alias", { query: "?name=m&alias=a" })).status).toBe(404);
    const wrong = await call("PATCH", "registered-models/alias", { body: "{}" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST, DELETE, GET, OPTIONS");
  });
});
