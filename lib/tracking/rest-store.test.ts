import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MlflowException, TrackingServerUnreachable } from "./exceptions";
import { flushPending, pendingCount } from "./pending";
import { RestStore } from "./rest-store";
import { refusal, startMlflowTestServer, type MlflowTestServer, type ScriptedAnswer } from "./test-support/mlflow-test-server";

let server: MlflowTestServer;
let answer: ScriptedAnswer;
let store: RestStore;

beforeAll(async () => {
  server = await startMlflowTestServer(() => answer);
  store = new RestStore(`${server.origin}/w/ws`);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answer = { json: {} };
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("should have failed"), (caught: unknown) => caught);

describe("RestStore: the SDK's calls go through callEndpoint, its errors stay the learner's", () => {
  it("sends the protocol's request and returns the parsed answer", async () => {
    answer = { json: { registered_models: [{ name: "vin" }] } };
    const { registered_models } = await store.call("searchRegisteredModels", { filter: "name LIKE 'v%'" });
    expect(registered_models).toEqual([{ name: "vin", latest_versions: [], tags: [], aliases: [] }]);
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/w/ws/api/2.0/mlflow/registered-models/search?filter=name+LIKE+%27v%25%27" });
  });

  it("reports a refusal as an MlflowException keeping MLflow's code, even one the protocol does not list", async () => {
    answer = refusal(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'.");
    expect(await failure(store.call("createExperiment", { name: "" }))).toMatchObject({
      name: "MlflowException",
      errorCode: "INVALID_PARAMETER_VALUE",
      serverMessage: "Missing value for required parameter 'name'.",
      httpStatus: 400,
    });
    answer = { status: 502, text: "Bad Gateway" };
    expect(await failure(store.call("getExperiment", { experiment_id: "1" }))).toMatchObject({ errorCode: "HTTP_502", serverMessage: "Bad Gateway" });
  });

  it("reports an answer that does not match the schema as an MlflowException INTERNAL_ERROR", async () => {
    answer = { json: { id: 3 } };
    const error = await failure(store.call("createExperiment", { name: "x" }));
    expect(error).toBeInstanceOf(MlflowException);
    expect(error).toMatchObject({ errorCode: "INTERNAL_ERROR", httpStatus: 200 });
    expect((error as MlflowException).serverMessage).toMatch(/^Unexpected response from experiments\/create: /);
  });

  it("reports a server that does not answer as TrackingServerUnreachable", async () => {
    const stopped = await startMlflowTestServer(() => ({}));
    await stopped.close();
    expect(await failure(new RestStore(stopped.origin).call("searchExperiments", {}))).toBeInstanceOf(TrackingServerUnreachable);
  });

  it("registers every call as pending until it settles", async () => {
    const call = store.call("deleteExperiment", { experiment_id: "4" });
    expect(pendingCount()).toBe(1);
    await flushPending();
    expect(pendingCount()).toBe(0);
    await expect(call).resolves.toEqual({});
  });
});
