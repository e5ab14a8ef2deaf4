/** runs/delete, restore, delete-tag, log-inputs and metrics/get-history (default workspace). */
import { beforeAll, describe, expect, it } from "vitest";
import { GetMetricHistoryResponseSchema } from "@/lib/tracking/protocol";
import { expectMlflowError, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();
let experimentId: string;

beforeAll(async () => {
  experimentId = (await api.post("experiments/create", { name: uniqueName("runs-lifecycle") })).json.experiment_id;
});

async function newRun(): Promise<string> {
  const res = await api.post("runs/create", { experiment_id: experimentId });
  expect(res.status).toBe(200);
  return res.json.run.info.run_id;
}

describe("runs/delete and runs/restore", () => {
  it("soft-deletes (hidden from the default search) and restores, by run_id or run_uuid", async () => {
    const runId = await newRun();
    expect((await api.post("runs/delete", { run_id: runId })).json).toEqual({});
    expect((await api.get("runs/get", { run_id: runId })).json.run.info.lifecycle_stage).toBe("deleted");
    const search = (view?: string) =>
      api.post("runs/search", { experiment_ids: [experimentId], filter: `run_id = '${runId}'`, ...(view ? { run_view_type: view } : {}) });
    expect((await search()).json).toEqual({});
    expect((await search("DELETED_ONLY")).json.runs).toHaveLength(1);
    expect((await search("ALL")).json.runs).toHaveLength(1);
    expectMlflowError(await api.post("runs/log-metric", { run_id: runId, key: "m", value: 1, timestamp: 1 }), 400, "INVALID_PARAMETER_VALUE", /must be in the 'active' state/);

    expect((await api.post("runs/restore", { run_uuid: runId })).json).toEqual({});
    expect((await api.get("runs/get", { run_id: runId })).json.run.info.lifecycle_stage).toBe("active");
    expect((await search()).json.runs).toHaveLength(1);
  });

  it("answers 404 for an unknown run and 400 without an id", async () => {
    expectMlflowError(await api.post("runs/delete", { run_id: "f".repeat(32) }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("runs/restore", { run_id: "f".repeat(32) }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.post("runs/delete", {}), 400, "INVALID_PARAMETER_VALUE", /run_id/);
  });
});

describe("runs/delete-tag", () => {
  it("deletes a tag; a missing tag is RESOURCE_DOES_NOT_EXIST", async () => {
    const runId = await newRun();
    await api.post("runs/set-tag", { run_id: runId, key: "t", value: "v" });
    expect((await api.post("runs/delete-tag", { run_id: runId, key: "t" })).json).toEqual({});
    const tags = (await api.get("runs/get", { run_id: runId })).json.run.data.tags as { key: string }[];
    expect(tags.map((t) => t.key)).toEqual(["mlflow.runName"]);
    expectMlflowError(await api.post("runs/delete-tag", { run_id: runId, key: "t" }), 404, "RESOURCE_DOES_NOT_EXIST", `No tag with name: t in run with id ${runId}`);
    expectMlflowError(await api.post("runs/delete-tag", { run_id: runId }), 400, "INVALID_PARAMETER_VALUE", /key/);
  });
});

describe("runs/log-inputs", () => {
  it("records datasets once per (name, digest), shown in the run's inputs", async () => {
    const runId = await newRun();
    const input = {
      tags: [{ key: "mlflow.data.context", value: "training" }],
      dataset: { name: "wine", digest: "abc123", source_type: "local", source: '{"uri": "red-wine-quality.csv"}', schema: "{}" },
    };
    expect((await api.post("runs/log-inputs", { run_id: runId, datasets: [input] })).json).toEqual({});
    await api.post("runs/log-inputs", { run_id: runId, datasets: [input] });
    const inputs = (await api.get("runs/get", { run_id: runId })).json.run.inputs;
    expect(inputs).toEqual({ dataset_inputs: [input] });
  });

  it("requires the dataset's fields and bounds them", async () => {
    const runId = await newRun();
    const dataset = { name: "d", digest: "x", source_type: "local", source: "s" };
    expectMlflowError(
      await api.post("runs/log-inputs", { run_id: runId, datasets: [{ dataset: { ...dataset, digest: undefined } }] }),
      400,
      "INVALID_PARAMETER_VALUE",
      /datasets\[0\]\.dataset\.digest/,
    );
    expect((await api.post("runs/log-inputs", { run_id: runId, datasets: [{ dataset: { ...dataset, name: "n".repeat(500) } }] })).status).toBe(200);
    expectMlflowError(
      await api.post("runs/log-inputs", { run_id: runId, datasets: [{ dataset: { ...dataset, name: "n".repeat(501) } }] }),
      400,
      "INVALID_PARAMETER_VALUE",
    );
  });
});

describe("metrics/get-history", () => {
  it("answers every value by step, and pages with max_results and page_token", async () => {
    const runId = await newRun();
    const metrics = [3, 1, 2, 0].map((step) => ({ key: "loss", value: 1 / (step + 1), timestamp: 1000 + step, step }));
    await api.post("runs/log-batch", { run_id: runId, metrics: [...metrics, { key: "other", value: 5, timestamp: 1 }] });
    await api.post("runs/log-metric", { run_id: runId, key: "loss", value: "NaN", timestamp: 2000, step: 4 });

    const all = await api.get("metrics/get-history", { run_id: runId, metric_key: "loss" });
    expect(all.status).toBe(200);
    expect(all.json.next_page_token).toBeUndefined();
    expect(all.json.metrics.map((m: { step: number }) => m.step)).toEqual([0, 1, 2, 3, 4]);
    expect(all.json.metrics[0]).toEqual({ key: "loss", value: 1, timestamp: 1000, step: 0 });
    expect(all.json.metrics[4].value).toBe("NaN");
    GetMetricHistoryResponseSchema.parse(all.json);

    const first = await api.get("metrics/get-history", { run_uuid: runId, metric_key: "loss", max_results: 2 });
    expect(first.json.metrics.map((m: { step: number }) => m.step)).toEqual([0, 1]);
    expect(first.json.next_page_token).toEqual(expect.any(String));
    const second = await api.get("metrics/get-history", { run_id: runId, metric_key: "loss", max_results: 3, page_token: first.json.next_page_token });
    expect(second.json.metrics.map((m: { step: number }) => m.step)).toEqual([2, 3, 4]);
    expect(second.json.next_page_token).toBeUndefined();
  });

  it("gives back every double exactly as logged, and keeps a point logged twice once", async () => {
    const runId = await newRun();
    const awkward = [0.1 + 0.2, 1 / 3, 5e-324, 2.2250738585072014e-308, -1.5e308, 4.35, 0.7000000000000001, 123456789.12345679, -7];
    const metrics = awkward.map((value, step) => ({ key: "exact", value, timestamp: 5000 + step, step }));
    // The second copy of each point (same key, value, timestamp and step) is not a new point, as in MLflow.
    expect((await api.post("runs/log-batch", { run_id: runId, metrics: [...metrics, ...metrics] })).status).toBe(200);
    expect((await api.post("runs/log-batch", { run_id: runId, metrics: metrics.slice(0, 2) })).status).toBe(200);
    // Same step and timestamp, another value: a second point.
    expect((await api.post("runs/log-metric", { run_id: runId, key: "exact", value: 9, timestamp: 5000, step: 0 })).status).toBe(200);

    const history = (await api.get("metrics/get-history", { run_id: runId, metric_key: "exact" })).json.metrics as { value: number; step: number }[];
    expect(history.filter((m) => m.step > 0).map((m) => m.value)).toEqual(awkward.slice(1));
    expect(history.filter((m) => m.step === 0).map((m) => m.value).sort()).toEqual([awkward[0], 9]);
    const latest = (await api.get("runs/get", { run_id: runId })).json.run.data.metrics;
    expect(latest).toEqual([{ key: "exact", value: -7, timestamp: 5008, step: 8 }]);
  });

  it("answers {} for a metric never logged, 404 for an unknown run, 400 for bad arguments", async () => {
    const runId = await newRun();
    expect((await api.get("metrics/get-history", { run_id: runId, metric_key: "nothing" })).json).toEqual({});
    expectMlflowError(await api.get("metrics/get-history", { run_id: "e".repeat(32), metric_key: "m" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectMlflowError(await api.get("metrics/get-history", { run_id: runId }), 400, "INVALID_PARAMETER_VALUE", /metric_key/);
    expect((await api.get("metrics/get-history", { run_id: runId, metric_key: "m", max_results: 25000 })).status).toBe(200);
    expectMlflowError(await api.get("metrics/get-history", { run_id: runId, metric_key: "m", max_results: 25001 }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.get("metrics/get-history", { run_id: runId, metric_key: "m", max_results: 0 }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await api.get("metrics/get-history", { run_id: runId, metric_key: "m", page_token: "!!notatoken" }), 400, "INVALID_PARAMETER_VALUE");
  });
});
