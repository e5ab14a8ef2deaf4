/** The run endpoints of the un-prefixed API (default workspace), end to end. */
import { beforeAll, describe, expect, it } from "vitest";
import { RunResponseSchema, SearchRunsResponseSchema, UpdateRunResponseSchema } from "@/lib/tracking/protocol";
import { mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();
const MISSING_RUN = "0123456789abcdef0123456789abcdef";

async function newExperiment(): Promise<string> {
  return (await api.post("experiments/create", { name: uniqueName("runs") })).json.experiment_id as string;
}

async function newRun(body: Record<string, unknown> = {}): Promise<{ run_id: string; [key: string]: unknown }> {
  const res = await api.post("runs/create", body);
  expect(res.status).toBe(200);
  return res.json.run.info;
}

function expectError(res: { status: number; json: any }, status: number, errorCode: string, message?: string | RegExp) {
  expect(res.status).toBe(status);
  expect(Object.keys(res.json).sort()).toEqual(["error_code", "message"]);
  expect(res.json.error_code).toBe(errorCode);
  if (typeof message === "string") expect(res.json.message).toBe(message);
  else if (message) expect(res.json.message).toMatch(message);
}

describe("runs/create", () => {
  it("answers MLflow's Run shape, named and tagged mlflow.runName", async () => {
    const experimentId = await newExperiment();
    const res = await api.post("runs/create", {
      experiment_id: experimentId,
      start_time: 1_700_000_000_000,
      tags: [{ key: "source", value: "test" }],
    });
    expect(res.status).toBe(200);
    const info = res.json.run.info;
    expect(info).toEqual({
      run_uuid: info.run_id,
      experiment_id: experimentId,
      run_name: expect.stringMatching(/^[a-z]+-[a-z]+-\d{1,3}$/),
      user_id: "",
      status: "RUNNING",
      start_time: 1_700_000_000_000,
      artifact_uri: `mlflow-artifacts:/${experimentId}/${info.run_id}/artifacts`,
      lifecycle_stage: "active",
      run_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(info).not.toHaveProperty("end_time");
    expect(res.json.run.data).toEqual({
      tags: [
        { key: "mlflow.runName", value: info.run_name },
        { key: "source", value: "test" },
      ],
    });
    expect(res.json.run.inputs).toEqual({});
    RunResponseSchema.parse(res.json);
  });

  it("defaults to the Default experiment and keeps run_name and mlflow.runName in sync", async () => {
    const info = await newRun({ run_name: "my-run", start_time: "1700000000000" });
    expect(info).toMatchObject({ experiment_id: "0", run_name: "my-run", start_time: 1_700_000_000_000 });
    const res = await api.post("runs/create", { run_name: "a", tags: [{ key: "mlflow.runName", value: "b" }] });
    expectError(res, 400, "INVALID_PARAMETER_VALUE", /Both 'run_name' argument and 'mlflow.runName' tag are specified/);
  });

  it("answers 404 for an unknown experiment", async () => {
    expectError(await api.post("runs/create", { experiment_id: "99999" }), 404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=99999 exists");
  });
});

describe("runs/get", () => {
  it("reads by run_id or the legacy run_uuid", async () => {
    const info = await newRun();
    const byId = await api.get("runs/get", { run_id: info.run_id });
    expect(byId.status).toBe(200);
    expect(byId.json.run.info.run_id).toBe(info.run_id);
    const byUuid = await api.get("runs/get", { run_uuid: info.run_id });
    expect(byUuid.json).toEqual(byId.json);
  });

  it("answers 404 RESOURCE_DOES_NOT_EXIST for an unknown run, 400 without an id", async () => {
    expectError(await api.get("runs/get", { run_id: MISSING_RUN }), 404, "RESOURCE_DOES_NOT_EXIST", `Run with id=${MISSING_RUN} not found`);
    expectError(await api.get("runs/get"), 400, "INVALID_PARAMETER_VALUE", /Missing value for required parameter 'run_id'/);
  });
});

describe("runs/update", () => {
  it("sets status, end_time and run_name, and answers run_info", async () => {
    const info = await newRun({ run_name: "before" });
    const res = await api.post("runs/update", { run_id: info.run_id, status: "FINISHED", end_time: 1_800_000_000_000, run_name: "after" });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(["run_info"]);
    expect(UpdateRunResponseSchema.parse(res.json).run_info).toMatchObject({
      status: "FINISHED",
      end_time: 1_800_000_000_000,
      run_name: "after",
    });
    const run = (await api.get("runs/get", { run_id: info.run_id })).json.run;
    expect(run.data.tags).toContainEqual({ key: "mlflow.runName", value: "after" });
    // Status by enum number, run_uuid only (older clients).
    const legacy = await api.post("runs/update", { run_uuid: info.run_id, status: 4 });
    expect(legacy.json.run_info.status).toBe("FAILED");
  });

  it("rejects an unknown status and an unknown run", async () => {
    const info = await newRun();
    expectError(await api.post("runs/update", { run_id: info.run_id, status: "DONE" }), 400, "INVALID_PARAMETER_VALUE", /'status'/);
    expectError(await api.post("runs/update", { run_id: MISSING_RUN, status: "FINISHED" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("runs/log-metric, log-parameter, set-tag", () => {
  it("log and answer {}", async () => {
    const info = await newRun();
    const metric = await api.post("runs/log-metric", { run_id: info.run_id, key: "rmse", value: 0.7, timestamp: 1000, step: 1 });
    expect(metric.status).toBe(200);
    expect(metric.json).toEqual({});
    // run_uuid only, numbers as strings, NaN spelled as protobuf JSON does.
    expect((await api.post("runs/log-metric", { run_uuid: info.run_id, key: "nan", value: "NaN", timestamp: "1000" })).status).toBe(200);
    expect((await api.post("runs/log-parameter", { run_id: info.run_id, key: "alpha", value: "0.5" })).json).toEqual({});
    expect((await api.post("runs/set-tag", { run_id: info.run_id, key: "team", value: "red" })).json).toEqual({});
    const data = (await api.get("runs/get", { run_id: info.run_id })).json.run.data;
    expect(data.metrics).toEqual([
      { key: "nan", value: "NaN", timestamp: 1000, step: 0 },
      { key: "rmse", value: 0.7, timestamp: 1000, step: 1 },
    ]);
    expect(data.params).toEqual([{ key: "alpha", value: "0.5" }]);
    expect(data.tags).toContainEqual({ key: "team", value: "red" });
  });

  it("refuses to change a param: 400 INVALID_PARAMETER_VALUE (same value is fine)", async () => {
    const info = await newRun();
    await api.post("runs/log-parameter", { run_id: info.run_id, key: "alpha", value: "0.5" });
    expect((await api.post("runs/log-parameter", { run_id: info.run_id, key: "alpha", value: "0.5" })).status).toBe(200);
    expectError(
      await api.post("runs/log-parameter", { run_id: info.run_id, key: "alpha", value: "0.7" }),
      400,
      "INVALID_PARAMETER_VALUE",
      `Changing param values is not allowed. Param with key='alpha' was already logged with value='0.5' for run ID='${info.run_id}'. Attempted logging new value '0.7'.`,
    );
  });

  it("refuses bad keys, long keys and long values with MLflow's messages", async () => {
    const info = await newRun();
    expectError(
      await api.post("runs/log-metric", { run_id: info.run_id, key: "bad*key", value: 1, timestamp: 1 }),
      400,
      "INVALID_PARAMETER_VALUE",
      "Invalid metric name: 'bad*key'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).",
    );
    expectError(
      await api.post("runs/set-tag", { run_id: info.run_id, key: "k".repeat(251), value: "v" }),
      400,
      "INVALID_PARAMETER_VALUE",
      /^Tag key 'k+' had length 251, which exceeded length limit of 250$/,
    );
    expectError(
      await api.post("runs/log-parameter", { run_id: info.run_id, key: "p", value: "v".repeat(6001) }),
      400,
      "INVALID_PARAMETER_VALUE",
      /had length 6001, which exceeded length limit of 6000$/,
    );
    expectError(
      await api.post("runs/set-tag", { run_id: info.run_id, key: "t", value: "v".repeat(5001) }),
      400,
      "INVALID_PARAMETER_VALUE",
      /had length 5001, which exceeded length limit of 5000$/,
    );
    expectError(await api.post("runs/log-parameter", { run_id: info.run_id, key: "/abs", value: "1" }), 400, "INVALID_PARAMETER_VALUE", /must not resolve to other names/);
  });

  it("requires the metric's fields and an existing run", async () => {
    const info = await newRun();
    expectError(await api.post("runs/log-metric", { run_id: info.run_id, key: "m", timestamp: 1 }), 400, "INVALID_PARAMETER_VALUE", /'value'/);
    expectError(await api.post("runs/log-metric", { run_id: info.run_id, key: "m", value: "high", timestamp: 1 }), 400, "INVALID_PARAMETER_VALUE", /Invalid value "high" for parameter 'value'/);
    expectError(await api.post("runs/log-metric", { run_id: MISSING_RUN, key: "m", value: 1, timestamp: 1 }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await api.post("runs/set-tag", { run_id: MISSING_RUN, key: "m", value: "1" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await api.post("runs/log-parameter", { key: "m", value: "1" }), 400, "INVALID_PARAMETER_VALUE", /'run_id'/);
  });
});

describe("runs/log-batch", () => {
  it("logs metrics, params and tags, keeping the latest metric by step", async () => {
    const info = await newRun();
    const res = await api.post("runs/log-batch", {
      run_id: info.run_id,
      metrics: [
        { key: "loss", value: 0.9, timestamp: 10, step: 0 },
        { key: "loss", value: 0.4, timestamp: 20, step: 2 },
        { key: "loss", value: 0.6, timestamp: 30, step: 1 },
      ],
      params: [{ key: "alpha", value: "0.5" }, { key: "l1_ratio" }],
      tags: [{ key: "mlflow.runName", value: "renamed" }],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    const run = (await api.get("runs/get", { run_id: info.run_id })).json.run;
    expect(run.info.run_name).toBe("renamed");
    expect(run.data.metrics).toEqual([{ key: "loss", value: 0.4, timestamp: 20, step: 2 }]);
    expect(run.data.params).toEqual([
      { key: "alpha", value: "0.5" },
      { key: "l1_ratio", value: "" },
    ]);
  });

  it("enforces MLflow's batch limits", async () => {
    const info = await newRun();
    const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: "m", value: i, timestamp: i }));
    expectError(
      await api.post("runs/log-batch", { run_id: info.run_id, metrics }),
      400,
      "INVALID_PARAMETER_VALUE",
      "A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.",
    );
    const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: "1" }));
    expectError(await api.post("runs/log-batch", { run_id: info.run_id, params }), 400, "INVALID_PARAMETER_VALUE", /at most 100 params/);
    const tags = Array.from({ length: 101 }, (_, i) => ({ key: `t${i}`, value: "1" }));
    expectError(await api.post("runs/log-batch", { run_id: info.run_id, tags }), 400, "INVALID_PARAMETER_VALUE", /at most 100 tags/);
    const total = {
      run_id: info.run_id,
      metrics: Array.from({ length: 950 }, (_, i) => ({ key: "m", value: i, timestamp: i })),
      params: Array.from({ length: 60 }, (_, i) => ({ key: `p${i}`, value: "1" })),
    };
    expectError(await api.post("runs/log-batch", total), 400, "INVALID_PARAMETER_VALUE", /at most 1000 metrics, params, and tags/);
    const huge = { run_id: info.run_id, tags: [{ key: "t", value: "x".repeat(1_000_001) }] };
    expectError(await api.post("runs/log-batch", huge), 400, "INVALID_PARAMETER_VALUE", /Batched logging API requests must be at most 1000000 bytes/);
    // Nothing of a refused batch was written.
    expect((await api.get("runs/get", { run_id: info.run_id })).json.run.data).not.toHaveProperty("metrics");
  });

  it("rejects param changes and duplicate keys within a batch", async () => {
    const info = await newRun();
    await api.post("runs/log-batch", { run_id: info.run_id, params: [{ key: "a", value: "1" }] });
    expectError(
      await api.post("runs/log-batch", { run_id: info.run_id, params: [{ key: "a", value: "2" }] }),
      400,
      "INVALID_PARAMETER_VALUE",
      `Changing param values is not allowed. Params were already logged='[{'key': 'a', 'old_value': '1', 'new_value': '2'}]' for run ID='${info.run_id}'.`,
    );
    expectError(
      await api.post("runs/log-batch", { run_id: info.run_id, params: [{ key: "b", value: "1" }, { key: "b", value: "2" }] }),
      400,
      "INVALID_PARAMETER_VALUE",
      /Duplicate parameter keys have been submitted: \['b'\]/,
    );
    expectError(
      await api.post("runs/log-batch", { run_id: info.run_id, metrics: [{ key: "m", value: 1 }] }),
      400,
      "INVALID_PARAMETER_VALUE",
      /Missing value for required parameter 'metrics\[0\]\.timestamp'/,
    );
  });
});

describe("runs/search", () => {
  let experimentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    experimentId = await newExperiment();
    const specs = [
      { name: "low", start: 1000, rmse: 0.9, alpha: "0.1" },
      { name: "mid", start: 2000, rmse: 0.5, alpha: "0.5" },
      { name: "high", start: 3000, rmse: 0.7, alpha: "0.9" },
    ];
    for (const spec of specs) {
      const info = await newRun({ experiment_id: experimentId, run_name: spec.name, start_time: spec.start });
      ids[spec.name] = info.run_id;
      await api.post("runs/log-batch", {
        run_id: info.run_id,
        metrics: [{ key: "rmse", value: spec.rmse, timestamp: spec.start }],
        params: [{ key: "alpha", value: spec.alpha }],
      });
    }
    await api.post("runs/update", { run_id: ids.mid, status: "FINISHED", end_time: 2500 });
  });

  const search = (body: Record<string, unknown>) => api.post("runs/search", { experiment_ids: [experimentId], ...body });
  const names = (res: { json: any }) => (res.json.runs ?? []).map((r: any) => r.info.run_name);

  it("answers runs newest first by default, in MLflow's shape", async () => {
    const res = await search({});
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(["high", "mid", "low"]);
    SearchRunsResponseSchema.parse(res.json);
    expect(res.json.runs[0].data.metrics).toEqual([{ key: "rmse", value: 0.7, timestamp: 3000, step: 0 }]);
  });

  it("filters and orders", async () => {
    expect(names(await search({ filter: "metrics.rmse < 0.8" }))).toEqual(["high", "mid"]);
    expect(names(await search({ filter: "params.alpha = '0.1'" }))).toEqual(["low"]);
    expect(names(await search({ filter: "attributes.status = 'FINISHED'" }))).toEqual(["mid"]);
    expect(names(await search({ filter: "tags.mlflow.runName = 'high' AND metrics.rmse > 0.1" }))).toEqual(["high"]);
    expect(names(await search({ order_by: ["metrics.rmse ASC"] }))).toEqual(["mid", "high", "low"]);
    expect(names(await search({ order_by: ["params.alpha DESC"], max_results: 2 }))).toEqual(["high", "mid"]);
  });

  it("pages with next_page_token", async () => {
    const first = await search({ max_results: 2 });
    expect(names(first)).toEqual(["high", "mid"]);
    const second = await search({ max_results: 2, page_token: first.json.next_page_token });
    expect(names(second)).toEqual(["low"]);
    expect(second.json).not.toHaveProperty("next_page_token");
  });

  it("answers {} for no match or no experiment, 400 for a malformed filter", async () => {
    expect((await search({ filter: "metrics.rmse > 100" })).json).toEqual({});
    expect((await api.post("runs/search", {})).json).toEqual({});
    expectError(await search({ filter: "metrics.rmse < 'low'" }), 400, "INVALID_PARAMETER_VALUE", /Expected numeric value type for metric/);
    expectError(await search({ max_results: 50_001 }), 400, "INVALID_PARAMETER_VALUE", /at most 50000/);
  });
});
