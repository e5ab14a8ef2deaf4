/** Every MLflow limit the API enforces, at its bound (accepted) and just over it (refused). */
import { beforeAll, describe, expect, it } from "vitest";
import { expectMlflowError, mlflowApi, uniqueName, type ApiResponse } from "./helpers";

const api = mlflowApi();
let experimentId: string;

beforeAll(async () => {
  experimentId = (await api.post("experiments/create", { name: uniqueName("limits") })).json.experiment_id;
});

async function newRun(): Promise<string> {
  return (await api.post("runs/create", { experiment_id: experimentId })).json.run.info.run_id;
}

function expectAccepted(res: ApiResponse): void {
  expect({ status: res.status, body: res.json }).toMatchObject({ status: 200 });
}

function expectRefused(res: ApiResponse): void {
  expectMlflowError(res, 400, "INVALID_PARAMETER_VALUE");
}

const metric = (key: string) => ({ key, value: 1, timestamp: 1 });
const pairs = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: "v" }));
const metrics = (n: number) => Array.from({ length: n }, (_, i) => ({ key: "m", value: i, timestamp: 1, step: i }));

describe("key and value lengths", () => {
  it.each([
    ["metric key", 250, (runId: string, n: number) => api.post("runs/log-metric", { run_id: runId, ...metric("k".repeat(n)) })],
    ["param key", 250, (runId: string, n: number) => api.post("runs/log-parameter", { run_id: runId, key: "k".repeat(n), value: "v" })],
    ["param value", 6000, (runId: string, n: number) => api.post("runs/log-parameter", { run_id: runId, key: `p${n}`, value: "v".repeat(n) })],
    ["tag key", 250, (runId: string, n: number) => api.post("runs/set-tag", { run_id: runId, key: "k".repeat(n), value: "v" })],
    ["tag value", 5000, (runId: string, n: number) => api.post("runs/set-tag", { run_id: runId, key: "t", value: "v".repeat(n) })],
    ["run name", 5000, (runId: string, n: number) => api.post("runs/update", { run_id: runId, run_name: "r".repeat(n) })],
    ["batch param value", 6000, (runId: string, n: number) => api.post("runs/log-batch", { run_id: runId, params: [{ key: `b${n}`, value: "v".repeat(n) }] })],
    ["batch tag value", 5000, (runId: string, n: number) => api.post("runs/log-batch", { run_id: runId, tags: [{ key: "bt", value: "v".repeat(n) }] })],
  ] as const)("%s: %i accepted, one more refused", async (_what, bound, send) => {
    const runId = await newRun();
    expectAccepted(await send(runId, bound));
    expectRefused(await send(runId, bound + 1));
  });

  it.each([
    ["experiment name (create)", 500, (n: number) => api.post("experiments/create", { name: `${uniqueName("e")}`.padEnd(n, "x") })],
    ["experiment tag key", 250, (n: number) => api.post("experiments/set-experiment-tag", { experiment_id: experimentId, key: "k".repeat(n), value: "v" })],
    ["experiment tag value", 5000, (n: number) => api.post("experiments/set-experiment-tag", { experiment_id: experimentId, key: "k", value: "v".repeat(n) })],
  ] as const)("%s: %i accepted, one more refused", async (_what, bound, send) => {
    expectAccepted(await send(bound));
    expectRefused(await send(bound + 1));
  });

  it("experiment name (rename): 500 accepted, 501 refused", async () => {
    const id = (await api.post("experiments/create", { name: uniqueName("rename") })).json.experiment_id;
    expectAccepted(await api.post("experiments/update", { experiment_id: id, new_name: uniqueName("n").padEnd(500, "x") }));
    expectRefused(await api.post("experiments/update", { experiment_id: id, new_name: uniqueName("n").padEnd(501, "x") }));
  });
});

describe("the key character rule (^[/\\w.\\- ]*$, no '..' or leading '/')", () => {
  it.each(["a/b.c-d e_f", "précision", "x"])("accepts %j", async (key) => {
    expectAccepted(await api.post("runs/set-tag", { run_id: await newRun(), key, value: "v" }));
  });
  it.each(["a!b", "a:b", "../x", "a/../b", "/abs", "a//b", "tab\tkey"])("refuses %j", async (key) => {
    const runId = await newRun();
    expectRefused(await api.post("runs/set-tag", { run_id: runId, key, value: "v" }));
    expectRefused(await api.post("runs/log-metric", { run_id: runId, ...metric(key) }));
    expectRefused(await api.post("runs/log-parameter", { run_id: runId, key, value: "v" }));
  });
});

describe("log-batch sizes", () => {
  it.each([
    ["metrics", 1000, (n: number) => ({ metrics: metrics(n) })],
    ["params", 100, (n: number) => ({ params: pairs(n, "p") })],
    ["tags", 100, (n: number) => ({ tags: pairs(n, "t") })],
    ["items in all", 1000, (n: number) => ({ metrics: metrics(n - 200), params: pairs(100, "p"), tags: pairs(100, "t") })],
  ] as const)("%s: %i accepted, one more refused", async (_what, bound, batch) => {
    expectAccepted(await api.post("runs/log-batch", { run_id: await newRun(), ...batch(bound) }));
    expectRefused(await api.post("runs/log-batch", { run_id: await newRun(), ...batch(bound + 1) }));
  });

  it("the raw body: 1 000 000 bytes accepted, 1 000 001 refused", async () => {
    const runId = await newRun();
    // MLflow ignores unknown fields: `padding` sizes the body without changing what is logged.
    const bodyOf = (bytes: number) => {
      const base = JSON.stringify({ run_id: runId, params: pairs(3, "p"), padding: "" });
      return JSON.stringify({ run_id: runId, params: pairs(3, "p"), padding: "x".repeat(bytes - base.length) });
    };
    expect(Buffer.byteLength(bodyOf(1_000_000))).toBe(1_000_000);
    expectAccepted(await api.post("runs/log-batch", bodyOf(1_000_000)));
    const over = await api.post("runs/log-batch", bodyOf(1_000_001));
    expectMlflowError(over, 400, "INVALID_PARAMETER_VALUE", /at most 1000000 bytes, got a request of size 1000001/);
  });
});

describe("search max_results", () => {
  it.each([
    ["runs/search", 50_000, "POST"],
    ["experiments/search", 50_000, "POST"],
    ["registered-models/search", 1000, "GET"],
    ["model-versions/search", 200_000, "GET"],
  ] as const)("%s: %i accepted, one more refused", async (endpoint, bound, method) => {
    const send = (n: number) =>
      method === "GET"
        ? api.get(endpoint, { max_results: n })
        : api.post(endpoint, { max_results: n, ...(endpoint === "runs/search" ? { experiment_ids: [experimentId] } : {}) });
    expectAccepted(await send(bound));
    expectRefused(await send(bound + 1));
    expectRefused(await send(0));
  });
});

describe("registry limits", () => {
  it("alias name 255 / tag value 5000 accepted, one more refused", async () => {
    const name = uniqueName("limits-model");
    await api.post("registered-models/create", { name });
    await api.post("model-versions/create", { name, source: `runs:/${await newRun()}/model` });
    expectAccepted(await api.post("registered-models/alias", { name, alias: "a".repeat(255), version: "1" }));
    expectRefused(await api.post("registered-models/alias", { name, alias: "a".repeat(256), version: "1" }));
    expectAccepted(await api.post("model-versions/set-tag", { name, version: "1", key: "k", value: "v".repeat(5000) }));
    expectRefused(await api.post("model-versions/set-tag", { name, version: "1", key: "k", value: "v".repeat(5001) }));
  });
});
