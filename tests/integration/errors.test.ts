/**
 * A client's mistake is never a 500 and every API answer is MLflow-shaped, through the real
 * `next start`: paths that cannot be percent-decoded (answered by `proxy.ts` before Next's
 * router fails on them), artifact paths the file system refuses, unknown paths under every API
 * prefix (the catch-all routes), over-long query strings. `npm start`'s larger header limit is
 * checked on a server of its own, started the way `npm start` starts it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_QUERY_STRING_BYTES } from "@/lib/server/rest/request-line";
import { artifactsApi, baseUrl, closeTestDb, createTestWorkspace, expectMlflowError, mlflowApi, uniqueName, type ApiResponse } from "./helpers";
import { freePort } from "../reliability/server";

/** Sends a request to a path given as is (not re-encoded) and reads the answer. */
async function send(pathAndQuery: string, init: RequestInit = {}, base = baseUrl()): Promise<ApiResponse & { text: string }> {
  const response = await fetch(`${base}${pathAndQuery}`, init);
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.startsWith("application/json") ?? false;
  return { status: response.status, headers: response.headers, json: isJson ? JSON.parse(text) : undefined, text };
}

let workspaceId: string;

beforeAll(async () => {
  workspaceId = await createTestWorkspace();
});

afterAll(closeTestDb);

describe("paths that cannot be percent-decoded", () => {
  it.each([
    ["GET", "/api/2.0/mlflow-artifacts/artifacts/%zz"],
    ["PUT", "/api/2.0/mlflow-artifacts/artifacts/1/%c3/x.txt"],
    ["GET", "/api/2.0/mlflow/%zz"],
    ["POST", "/api/2.0/mlflow/runs/%ff"],
    ["GET", "/w/%zz/api/2.0/mlflow/experiments/get"],
    ["GET", "/w/%zz/api/2.0/mlflow-artifacts/artifacts/a"],
    ["GET", "/api/cuvee/%"],
  ])("%s %s → 400 INVALID_PARAMETER_VALUE", async (method, target) => {
    const res = await send(target, { method, body: method === "GET" ? undefined : "{}" });
    expectMlflowError(res, 400, "INVALID_PARAMETER_VALUE", /is not valid percent-encoding/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 400 with a French line outside the API", async () => {
    const res = await send("/cours/%zz");
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^Adresse invalide/);
  });

  it("still serves a decodable path with an encoded '%' in it", async () => {
    const files = artifactsApi(workspaceId);
    expect((await files.put("1/odd%252z.txt", "percent")).status).toBe(200);
    const res = await files.get("1/odd%252z.txt");
    expect({ status: res.status, body: await res.text() }).toEqual({ status: 200, body: "percent" });
  });
});

describe("artifact paths the file system refuses", () => {
  const files = artifactsApi();
  const longName = "n".repeat(300);
  const asApi = async (response: Response): Promise<ApiResponse> => ({ status: response.status, headers: response.headers, json: await response.json() });
  let root: string;

  beforeAll(() => {
    root = `errors/${uniqueName("fs")}`;
  });

  it("a 300-byte name → 400 INVALID_PARAMETER_VALUE on GET, PUT, DELETE and list", async () => {
    expectMlflowError(await asApi(await files.get(`${root}/${longName}`)), 400, "INVALID_PARAMETER_VALUE", /longer than 255 bytes/);
    expectMlflowError(await asApi(await files.put(`${root}/${longName}`, "x")), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await asApi(await files.del(`${root}/${longName}`)), 400, "INVALID_PARAMETER_VALUE");
    const listing = await files.list(`${root}/${longName}`);
    expectMlflowError({ ...listing, headers: new Headers() }, 400, "INVALID_PARAMETER_VALUE");
  });

  it("writing under a file → 400 RESOURCE_ALREADY_EXISTS naming the file", async () => {
    expect((await files.put(`${root}/x.txt`, "file")).status).toBe(200);
    expectMlflowError(
      await asApi(await files.put(`${root}/x.txt/child`, "no")),
      400,
      "RESOURCE_ALREADY_EXISTS",
      `Cannot write the artifact '${root}/x.txt/child': '${root}/x.txt' is a file, not a directory.`,
    );
    expectMlflowError(await asApi(await files.get(`${root}/x.txt/child`)), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("writing a file over a directory → 400 RESOURCE_ALREADY_EXISTS", async () => {
    expect((await files.put(`${root}/d/f`, "inside")).status).toBe(200);
    expectMlflowError(await asApi(await files.put(`${root}/d`, "over")), 400, "RESOURCE_ALREADY_EXISTS", /a directory already has that name/);
    expectMlflowError(await asApi(await files.get(`${root}/d`)), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await asApi(await files.del(`${root}/missing`)), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("paths no endpoint serves, under every API prefix", () => {
  const targets = () => [
    "/api",
    "/api/2.0",
    "/api/2.0/mlflow",
    "/api/2.0/unknown/thing",
    "/api/2.0/mlflow-artifacts",
    "/api/cuvee",
    "/api/cuvee/unknown",
    `/w/${workspaceId}/api`,
    `/w/${workspaceId}/api/2.0/mlflow`,
    `/w/${workspaceId}/api/2.0/preview/mlflow/runs/get`,
    `/w/${workspaceId}/api/2.0/mlflow-artifacts`,
    "/api/2.0/mlflow/no/such/endpoint",
    `/w/${workspaceId}/api/2.0/mlflow-artifacts/elsewhere`,
  ];

  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("%s → 404 ENDPOINT_NOT_FOUND in JSON", async (method) => {
    for (const target of targets()) {
      const res = await send(target, { method, body: method === "GET" ? undefined : "{}" });
      expect({ target, status: res.status, type: res.headers.get("content-type") }).toEqual({ target, status: 404, type: "application/json" });
      expectMlflowError(res, 404, "ENDPOINT_NOT_FOUND", /^No API endpoint at /);
    }
  });

  it("answers a preflight under them, so that a browser client can read the 404", async () => {
    const res = await send("/api/2.0/mlflow", { method: "OPTIONS", headers: { Origin: "http://example.test", "Access-Control-Request-Method": "GET" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("over-long query strings", () => {
  const overLimit = `?filter=${"x".repeat(MAX_QUERY_STRING_BYTES)}`;

  it.each([
    "/api/2.0/mlflow/experiments/get",
    "/api/2.0/mlflow/registered-models/search",
    "/api/2.0/mlflow-artifacts/artifacts",
  ])(`%s with a query over ${MAX_QUERY_STRING_BYTES} bytes → 414 REQUEST_LIMIT_EXCEEDED`, async (target) => {
    expectMlflowError(await send(`${target}${overLimit}`), 414, "REQUEST_LIMIT_EXCEEDED", /the limit is 8192 bytes/);
    expectMlflowError(await send(`/w/${workspaceId}${target}${overLimit}`), 414, "REQUEST_LIMIT_EXCEEDED");
  });

  it("a query at the limit is read", async () => {
    const atLimit = `?experiment_id=0&x=${"x".repeat(MAX_QUERY_STRING_BYTES - "experiment_id=0&x=".length)}`;
    const res = await send(`/api/2.0/mlflow/experiments/get${atLimit}`);
    expect(res.status).toBe(200);
    expect(res.json.experiment.experiment_id).toBe("0");
  });
});

describe("npm start's header limit", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  let child: ChildProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The start script as `npm start` runs it, on the suite's database and artifacts.
    child = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), CUVEE_ARTIFACTS_DIR: inject("artifactsDir"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: "ignore",
      detached: true,
    });
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`${base}/api/cuvee/health`).then((r) => r.ok, () => false);
      if (ready) break;
      if (child.exitCode !== null || tries > 400) throw new Error("npm start did not become ready");
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    if (child?.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // npm, its shell and next: the whole group it leads.
    process.kill(-child.pid, "SIGTERM");
    await exited;
  });

  it("lets a 40 KB query string reach the app, which answers MLflow's 414 (Node's default would answer an empty 431)", async () => {
    const res = await send(`/api/2.0/mlflow/experiments/get?filter=${"x".repeat(40_000)}`, {}, base);
    expectMlflowError(res, 414, "REQUEST_LIMIT_EXCEEDED");
  });

  it("still answers 431 for a header block beyond 64 KiB, which Node refuses before the app", async () => {
    const res = await send(`/api/2.0/mlflow/experiments/get?filter=${"x".repeat(70_000)}`, {}, base);
    expect(res.status).toBe(431);
  });
});
