/**
 * Size limits through a real `next start` (default configuration): oversized bodies, with or
 * without a Content-Length, get MLflow's answer (the REST API), a refusal of the upload (artifacts)
 * or a French answer (the check route) — never a 500 or a hang.
 */
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { baseUrl, closeTestDb, createTestWorkspace, expectMlflowError, mlflowApi, uniqueName } from "./helpers";

afterAll(closeTestDb);

/** Streams `bytes` of `x` between `prefix` and `suffix`, chunked (no Content-Length); the answer as soon as it comes. */
function sendChunked(url: string, method: string, prefix: string, bytes: number, suffix: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const request = http.request(url, { method, headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked", ...headers } });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) });
      });
    });
    // After the answer the server reads no more: a failed write then is expected.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.byteLength;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end(suffix);
    };
    request.write(prefix);
    pump();
  });
}

describe("body limits through next start", () => {
  const api = mlflowApi();

  it("refuses a 5 MB runs/create with MLflow's 413, declared or chunked", async () => {
    const created = await api.post("experiments/create", { name: uniqueName("limits") });
    const experimentId = created.json.experiment_id as string;
    const declared = await api.post("runs/create", { experiment_id: experimentId, run_name: "x".repeat(5_000_000) });
    expectMlflowError(declared, 413, "INVALID_PARAMETER_VALUE", /^Request bodies must be at most 1048576 bytes, got a request of size \d+\.$/);
    const chunked = await sendChunked(`${baseUrl()}/api/2.0/mlflow/runs/create`, "POST", `{"experiment_id":"${experimentId}","run_name":"`, 20_000_000, `"}`);
    expect(chunked).toEqual({
      status: 413,
      json: { error_code: "INVALID_PARAMETER_VALUE", message: "Request bodies must be at most 1048576 bytes, got a request of size more than 1048576." },
    });
  });

  it("refuses a 60 MB artifact upload (over the 50 MiB file ceiling) while it streams", async () => {
    const workspaceId = await createTestWorkspace();
    const url = `${baseUrl()}/w/${workspaceId}/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/big.bin`;
    const answer = await sendChunked(url, "PUT", "", 60_000_000, "");
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({
      error_code: "INVALID_PARAMETER_VALUE",
      message: "Artifact file '1/abc/artifacts/big.bin' is larger than the limit of 52428800 bytes per file.",
    });
  });

  it("answers the check route's 199 000 `(` and 20 MB bodies in French", async () => {
    const session = await fetch(`${baseUrl()}/api/cuvee/session?next=/cours/3`, { redirect: "manual" });
    const cookie = /cuvee_ws=[^;]+/.exec(session.headers.get("set-cookie") ?? "")?.[0] ?? "";
    const url = `${baseUrl()}/api/cuvee/blocs/3/check`;
    const deep = await fetch(url, {
      method: "POST",
      headers: { cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ output: "", execution: { status: "succeeded" }, code: { "main.ts": "(".repeat(199_000) } }),
    });
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ passed: false, message: "Votre code est trop profondément imbriqué pour être analysé." });
    const huge = await sendChunked(url, "POST", `{"output":"`, 20_000_000, `"}`, { cookie });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatch(/^Votre code et la sortie de votre exécution sont trop volumineux/);
  });
});
