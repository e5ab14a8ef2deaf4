import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callEndpoint, endpointRequest, type SendRequest } from "./call-endpoint";
import { TrackingError } from "./protocol/errors";
import { refusal, startMlflowTestServer, type MlflowTestServer, type ScriptedAnswer } from "./test-support/mlflow-test-server";

const WIRE_RUN = {
  info: {
    run_id: "r1",
    run_uuid: "r1",
    run_name: "essai",
    experiment_id: 7,
    status: 3,
    start_time: "1700000000000",
    lifecycle_stage: "active",
  },
  data: { metrics: [{ key: "rmse", value: "NaN", timestamp: 1 }], params: [{ key: "alpha", value: "0.5" }] },
};

let server: MlflowTestServer;
let answer: ScriptedAnswer;
let trackingUri: string;

beforeAll(async () => {
  server = await startMlflowTestServer(() => answer);
  trackingUri = `${server.origin}/w/ws`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answer = { json: {} };
});

describe("callEndpoint: the request the protocol declares", () => {
  it("POSTs a JSON body to the endpoint's path", async () => {
    answer = { json: { experiment_id: "12" } };
    await expect(callEndpoint(trackingUri, "createExperiment", { name: "exp_vin" })).resolves.toEqual({ experiment_id: "12" });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", url: "/w/ws/api/2.0/mlflow/experiments/create" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ name: "exp_vin" });
  });

  it("sends a GET endpoint's request as query parameters, repeating keys for lists, without a body", async () => {
    await callEndpoint(trackingUri, "searchRegisteredModels", { max_results: 100, order_by: ["name ASC", "last_updated_timestamp DESC"], filter: undefined });
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: "GET",
      url: "/w/ws/api/2.0/mlflow/registered-models/search?max_results=100&order_by=name+ASC&order_by=last_updated_timestamp+DESC",
      body: "",
    });
    expect(request!.headers["content-type"]).toBeUndefined();
  });

  it("leaves the query string out when a GET request has no field", () => {
    expect(endpointRequest("/w/ws", "searchRegisteredModels", {}).url).toBe("/w/ws/api/2.0/mlflow/registered-models/search");
  });

  it("uses the first declared method when an endpoint accepts several (experiments/search: POST)", () => {
    const { url, init } = endpointRequest("/w/ws", "searchExperiments", { max_results: 100 });
    expect(url).toBe("/w/ws/api/2.0/mlflow/experiments/search");
    expect(init).toMatchObject({ method: "POST", body: JSON.stringify({ max_results: 100 }) });
  });

  it("hands the signal and the cache mode to the transport", async () => {
    const seen: RequestInit[] = [];
    const send: SendRequest = async (_url, init) => {
      seen.push(init);
      return new Response("{}");
    };
    const abort = new AbortController();
    await callEndpoint("/w/ws", "deleteExperiment", { experiment_id: "3" }, { send, signal: abort.signal, cache: "no-store" });
    expect(seen[0]).toMatchObject({ method: "POST", cache: "no-store", signal: abort.signal, body: '{"experiment_id":"3"}' });
  });
});

describe("callEndpoint: answers parsed with the endpoint's schema", () => {
  it("coerces protobuf JSON and fills omitted lists", async () => {
    answer = { json: { runs: [WIRE_RUN, { info: { ...WIRE_RUN.info, run_id: "r2", run_uuid: "r2" } }] } };
    const { runs } = await callEndpoint(trackingUri, "searchRuns", { experiment_ids: ["7"] });
    expect(runs[0]!.info).toMatchObject({ experiment_id: "7", status: "FINISHED", start_time: 1_700_000_000_000 });
    expect(runs[0]!.data.metrics[0]!.value).toBeNaN();
    expect(runs[1]!.data).toEqual({ metrics: [], params: [], tags: [] });
  });

  it("reads an empty 2xx body as {}", async () => {
    answer = { text: "" };
    await expect(callEndpoint(trackingUri, "restoreExperiment", { experiment_id: "1" })).resolves.toEqual({});
    answer = { text: "" };
    await expect(callEndpoint(trackingUri, "searchRegisteredModels", {})).resolves.toEqual({ registered_models: [] });
  });

  it("refuses a 2xx answer that does not match the schema with INTERNAL_ERROR", async () => {
    answer = { json: { id: 12 } };
    const error = await callEndpoint(trackingUri, "createExperiment", { name: "x" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrackingError);
    expect(error).toMatchObject({ errorCode: "INTERNAL_ERROR", httpStatus: 200 });
    expect((error as TrackingError).message).toMatch(/^Unexpected response from experiments\/create: /);
  });
});

describe("callEndpoint: one error path", () => {
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("should have failed"), (caught: unknown) => caught);

  it("turns MLflow's error body into a TrackingError with its code, message and status", async () => {
    answer = refusal(400, "RESOURCE_ALREADY_EXISTS", "Experiment 'exp_vin' already exists.");
    expect(await failure(callEndpoint(trackingUri, "createExperiment", { name: "exp_vin" }))).toMatchObject({
      name: "TrackingError",
      errorCode: "RESOURCE_ALREADY_EXISTS",
      message: "Experiment 'exp_vin' already exists.",
      httpStatus: 400,
    });
    answer = refusal(404, "ENDPOINT_NOT_FOUND", "No endpoint");
    expect(await failure(callEndpoint(trackingUri, "searchRegisteredModels", { max_results: 100 }))).toMatchObject({
      errorCode: "ENDPOINT_NOT_FOUND",
      httpStatus: 404,
    });
  });

  it("reads an unknown code or a body that is not MLflow's as INTERNAL_ERROR, keeping the status", async () => {
    answer = refusal(418, "TEAPOT", "short and stout");
    expect(await failure(callEndpoint(trackingUri, "getExperiment", { experiment_id: "1" }))).toMatchObject({
      errorCode: "INTERNAL_ERROR",
      message: "short and stout",
      httpStatus: 418,
    });
    answer = { status: 502, text: "<html>Bad Gateway</html>" };
    const error = await failure(callEndpoint(trackingUri, "getExperiment", { experiment_id: "1" }));
    expect(error).toBeInstanceOf(TrackingError);
    expect(error).toMatchObject({ errorCode: "INTERNAL_ERROR", httpStatus: 502 });
  });

  it("lets fetch's own error through when no answer comes (not a TrackingError)", async () => {
    const stopped = await startMlflowTestServer(() => ({}));
    await stopped.close();
    const error = await failure(callEndpoint(stopped.origin, "searchExperiments", {}));
    expect(error).toBeInstanceOf(TypeError);
    const abort = new AbortController();
    abort.abort();
    expect(await failure(callEndpoint(trackingUri, "searchExperiments", {}, { signal: abort.signal }))).toMatchObject({ name: "AbortError" });
  });
});
