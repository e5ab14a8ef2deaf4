/**
 * Size limits of the MLflow API, in-process on a fresh SQLite file: bodies over their ceiling are
 * refused while being read (the stream counts what was pulled), create requests carry a bounded
 * number of tags.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { DEFAULT_API_MAX_BODY_BYTES } from "@/lib/server/rest";
import { countedJsonBody, streamedRequest } from "@/lib/server/rest/testing";
import { createWorkspace } from "@/lib/server/workspaces";
import { MAX_TAGS_PER_CREATE_REQUEST } from "@/lib/tracking/protocol";
import { handleMlflowRequest } from "./mlflow";

const savedUrl = process.env.DATABASE_URL;
const savedLimit = process.env.CUVEE_API_MAX_BODY_BYTES;
let database: TempDatabase;
let workspaceId: string;
let experimentId: string;

async function call(path: string, body: unknown, method = "POST") {
  const request = new Request(`http://cuvee.test/api/2.0/mlflow/${path}`, { method, body: JSON.stringify(body) });
  const response = await handleMlflowRequest(workspaceId, method, path.split("/"), request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Sends a streamed body of about `fillBytes` to `path`; answers with what the server pulled. */
async function stream(path: string, prefix: string, fillBytes: number, suffix: string, headers: Record<string, string> = {}) {
  const body = countedJsonBody(prefix, fillBytes, suffix);
  const request = streamedRequest(body.stream, headers, `http://cuvee.test/api/2.0/mlflow/${path}`);
  const response = await handleMlflowRequest(workspaceId, "POST", path.split("/"), request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, pulled: body.pulled() };
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `t${i}`, value: "v" }));

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  await getDb();
  workspaceId = (await createWorkspace()).id;
  experimentId = String((await call("experiments/create", { name: "limits" })).json.experiment_id);
});

afterEach(() => {
  if (savedLimit === undefined) delete process.env.CUVEE_API_MAX_BODY_BYTES;
  else process.env.CUVEE_API_MAX_BODY_BYTES = savedLimit;
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

describe("request body ceiling", () => {
  it("refuses a 100 MB runs/create with 413 after reading about the ceiling only", async () => {
    const res = await stream("runs/create", `{"experiment_id":"${experimentId}","run_name":"`, 100_000_000, `"}`);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error_code: "INVALID_PARAMETER_VALUE",
      message: `Request bodies must be at most ${DEFAULT_API_MAX_BODY_BYTES} bytes, got a request of size more than ${DEFAULT_API_MAX_BODY_BYTES}.`,
    });
    expect(res.pulled).toBeLessThan(DEFAULT_API_MAX_BODY_BYTES + 2 * 64 * 1024);
  });

  it("refuses a declared length over the ceiling before reading the body", async () => {
    const res = await stream("experiments/create", `{"name":"`, 5_000_000, `"}`, { "content-length": "5000010" });
    expect(res.status).toBe(413);
    expect(res.json.message).toMatch(/got a request of size 5000010\./);
    expect(res.pulled).toBe(0);
  });

  it("follows CUVEE_API_MAX_BODY_BYTES: its value accepted, one byte more refused", async () => {
    process.env.CUVEE_API_MAX_BODY_BYTES = "2000";
    const bodyOf = (bytes: number) => {
      const base = JSON.stringify({ experiment_id: experimentId, run_name: "" });
      return { experiment_id: experimentId, run_name: "r".repeat(bytes - base.length) };
    };
    expect(Buffer.byteLength(JSON.stringify(bodyOf(2000)))).toBe(2000);
    expect((await call("runs/create", bodyOf(2000))).status).toBe(200);
    expect((await call("runs/create", bodyOf(2001))).status).toBe(413);
  });

  it("keeps log-batch's own 1 MB rule and MLflow's message, and stops reading there too", async () => {
    const runId = ((await call("runs/create", { experiment_id: experimentId })).json.run as { info: { run_id: string } }).info.run_id;
    // Above the server-wide default, so that only log-batch's own ceiling can stop it.
    process.env.CUVEE_API_MAX_BODY_BYTES = "50000000";
    const res = await stream("runs/log-batch", `{"run_id":"${runId}","padding":"`, 20_000_000, `"}`);
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe("INVALID_PARAMETER_VALUE");
    expect(res.json.message).toMatch(/^Batched logging API requests must be at most 1000000 bytes, got a request of size \d+\.$/);
    expect(res.pulled).toBeLessThan(1_000_000 + 2 * 64 * 1024);
  });
});

describe("tags of a create request", () => {
  it.each([
    ["experiments/create", "experiment", (n: number) => ({ name: `tagged-${n}`, tags: tags(n) })],
    ["runs/create", "run", (n: number) => ({ experiment_id: experimentId, tags: tags(n) })],
    ["registered-models/create", "registered model", (n: number) => ({ name: `model-${n}`, tags: tags(n) })],
  ] as const)("%s: 100 tags accepted, 101 refused", async (path, entity, body) => {
    expect((await call(path, body(MAX_TAGS_PER_CREATE_REQUEST))).status).toBe(200);
    const refused = await call(path, body(MAX_TAGS_PER_CREATE_REQUEST + 1));
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      error_code: "INVALID_PARAMETER_VALUE",
      message:
        `A request to create ${entity === "experiment" ? "an" : "a"} ${entity} can contain at most ${MAX_TAGS_PER_CREATE_REQUEST} tags. ` +
        `Got ${MAX_TAGS_PER_CREATE_REQUEST + 1} tags. Please set the other tags with separate requests once it is created.`,
    });
  });

  it("model-versions/create: the same bound", async () => {
    await call("registered-models/create", { name: "versioned" });
    const body = (n: number) => ({ name: "versioned", source: "mlflow-artifacts:/1/x/artifacts/model", tags: tags(n) });
    expect((await call("model-versions/create", body(MAX_TAGS_PER_CREATE_REQUEST))).status).toBe(200);
    const refused = await call("model-versions/create", body(MAX_TAGS_PER_CREATE_REQUEST + 1));
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/create a model version can contain at most 100 tags/);
  });

  it("the probe's 50 000 tags are refused by the tag bound, whatever the body ceiling", async () => {
    process.env.CUVEE_API_MAX_BODY_BYTES = "50000000";
    const refused = await call("experiments/create", { name: "flood", tags: tags(50_000) });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/Got 50000 tags/);
  });
});
