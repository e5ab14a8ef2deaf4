/** CUVEE_DEFAULT_WORKSPACE through the composition root, in-process, on a fresh SQLite file. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace } from "@/lib/server/workspaces";
import { handleArtifactRequest, handleMlflowRequest } from "./index";

const VARIABLES = ["DATABASE_URL", "CUVEE_ARTIFACTS_DIR", "CUVEE_DEFAULT_WORKSPACE"] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
let database: TempDatabase;
let artifactsDir: string;
let learner: string;

beforeAll(async () => {
  database = tempSqliteDatabase();
  artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-default-ws-"));
  process.env.DATABASE_URL = database.url;
  process.env.CUVEE_ARTIFACTS_DIR = artifactsDir;
  await getDb();
  learner = (await createWorkspace()).id;
});

afterEach(() => {
  delete process.env.CUVEE_DEFAULT_WORKSPACE;
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  rmSync(artifactsDir, { recursive: true, force: true });
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function call(workspace: string, method: string, endpoint: string, body?: unknown) {
  const query = method === "GET" && body ? `?${new URLSearchParams(body as Record<string, string>)}` : "";
  const request = new Request(`http://cuvee.test/api/2.0/mlflow/${endpoint}${query}`, {
    method,
    body: method === "GET" || body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handleMlflowRequest(workspace, method, endpoint.split("/"), request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

async function artifact(workspace: string, method: string, file: string) {
  const request = new Request(`http://cuvee.test/api/2.0/mlflow-artifacts/artifacts/${file}`, {
    method,
    body: method === "PUT" ? "hello" : undefined,
  });
  const response = await handleArtifactRequest(workspace, method, ["artifacts", file], request);
  return { status: response.status, json: response.headers.get("content-type")?.includes("json") ? await response.json() : undefined };
}

describe("CUVEE_DEFAULT_WORKSPACE", { timeout: 30_000 }, () => {
  it("open (the default): the default workspace reads and writes like a plain MLflow server", async () => {
    expect((await call("default", "POST", "experiments/create", { name: "shared" })).status).toBe(200);
    expect((await artifact("default", "PUT", "notes.txt")).status).toBe(200);
  });

  it("read-only: reads answer, writes get PERMISSION_DENIED (403), learners' workspaces are untouched", async () => {
    process.env.CUVEE_DEFAULT_WORKSPACE = "read-only";
    expect((await call("default", "GET", "experiments/get", { experiment_id: "0" })).status).toBe(200);
    expect((await call("default", "POST", "experiments/search", {})).json.experiments.length).toBeGreaterThan(0);
    expect((await call("default", "POST", "runs/search", { experiment_ids: ["0"] })).status).toBe(200);
    expect((await call("default", "OPTIONS", "runs/create")).status).toBe(204);
    for (const [method, endpoint, body] of [
      ["POST", "experiments/create", { name: "nope" }],
      ["POST", "runs/create", { experiment_id: "0" }],
      ["POST", "experiments/delete", { experiment_id: "1" }],
      ["DELETE", "registered-models/delete", { name: "m" }],
      ["PATCH", "registered-models/update", { name: "m" }],
    ] as const) {
      const res = await call("default", method, endpoint, body);
      expect({ status: res.status, code: res.json.error_code }, endpoint).toEqual({ status: 403, code: "PERMISSION_DENIED" });
      expect(Object.keys(res.json).sort()).toEqual(["error_code", "message"]);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect((await call("default", "GET", "experiments/get-by-name", { experiment_name: "nope" })).status).toBe(404);
    // Unknown paths and wrong methods keep their own answers.
    expect((await call("default", "POST", "nope/nope", {})).status).toBe(404);
    expect((await call("default", "GET", "experiments/create")).status).toBe(405);
    expect((await artifact("default", "GET", "notes.txt")).status).toBe(200);
    expect(await artifact("default", "PUT", "other.txt")).toMatchObject({ status: 403, json: { error_code: "PERMISSION_DENIED" } });
    expect((await artifact("default", "DELETE", "notes.txt")).status).toBe(403);
    expect((await call(learner, "POST", "experiments/create", { name: "mine" })).status).toBe(200);
  });

  it("off: the default workspace answers 404 ENDPOINT_NOT_FOUND to everything, learners' still work", async () => {
    process.env.CUVEE_DEFAULT_WORKSPACE = "off";
    for (const [method, endpoint] of [["GET", "experiments/get"], ["POST", "experiments/search"], ["OPTIONS", "runs/create"]] as const) {
      const res = await call("default", method, endpoint, method === "GET" ? { experiment_id: "0" } : {});
      expect({ status: res.status, code: res.json?.error_code }).toEqual({ status: 404, code: "ENDPOINT_NOT_FOUND" });
    }
    expect((await artifact("default", "GET", "notes.txt")).status).toBe(404);
    expect((await call(learner, "GET", "experiments/get", { experiment_id: "0" })).status).toBe(200);
  });

  it("a misspelt mode is refused with its name", async () => {
    process.env.CUVEE_DEFAULT_WORKSPACE = "readonly";
    await expect(call("default", "GET", "experiments/get", { experiment_id: "0" })).rejects.toThrow(/CUVEE_DEFAULT_WORKSPACE/);
  });
});
