import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal, startMlflowTestServer, type MlflowTestServer, type ScriptedAnswer } from "@/lib/tracking/test-support/mlflow-test-server";
import { callMlflow, describeWriteError, workspaceTrackingUri } from "./mlflow-client";

let server: MlflowTestServer;
let answer: ScriptedAnswer = { json: {} };

beforeAll(async () => {
  server = await startMlflowTestServer(() => answer);
});
afterAll(() => server.close());

/** What the page shows after a failed write to `server`. */
async function writeError(next: ScriptedAnswer): Promise<string> {
  answer = next;
  return callMlflow(server.origin + workspaceTrackingUri("ws"), "createExperiment", { name: "exp_vin" }).then(
    () => expect.fail("should have failed"),
    describeWriteError,
  );
}

describe("the pages' MLflow client", () => {
  it("reaches a workspace's API under /w/<id>, the id encoded", async () => {
    expect(workspaceTrackingUri("a b/c")).toBe("/w/a%20b%2Fc");
    answer = { json: { experiment_id: "3" } };
    await expect(callMlflow(server.origin + workspaceTrackingUri("ws"), "createExperiment", { name: "exp_vin" })).resolves.toEqual({ experiment_id: "3" });
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", url: "/w/ws/api/2.0/mlflow/experiments/create" });
  });

  it("describes a refused write in French, keeping MLflow's message", async () => {
    expect(await writeError(refusal(400, "RESOURCE_ALREADY_EXISTS", "Experiment 'exp_vin' already exists."))).toBe(
      "Ce nom est déjà pris (MLflow : Experiment 'exp_vin' already exists.)",
    );
    expect(await writeError(refusal(400, "INVALID_PARAMETER_VALUE", "Bad name"))).toBe("Valeur refusée (MLflow : Bad name)");
    expect(await writeError(refusal(404, "RESOURCE_DOES_NOT_EXIST", "No experiment"))).toBe("Introuvable : peut-être déjà supprimé (MLflow : No experiment)");
    expect(await writeError(refusal(404, "ENDPOINT_NOT_FOUND", "No endpoint"))).toBe("Ce serveur ne propose pas encore cette opération.");
    expect(await writeError(refusal(500, "INTERNAL_ERROR", "boom"))).toBe("Le serveur de suivi a refusé l'opération (MLflow : boom)");
  });

  it("says the server does not answer when no answer came", async () => {
    const stopped = await startMlflowTestServer(() => ({}));
    await stopped.close();
    const message = await callMlflow(stopped.origin, "createExperiment", { name: "x" }).then(() => "", describeWriteError);
    expect(message).toBe("Le serveur de suivi ne répond pas. Réessayez dans un instant.");
  });
});
