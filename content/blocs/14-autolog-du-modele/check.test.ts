/** Bloc 14's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, code, verdict, logRun, putArtifact } = checkHarness(check, { code: true });

describe("bloc 14: the model's autolog", () => {
  it("refuses the starting code: no mlflow.sklearn.autolog()", async () => {
    const store = await newStore();
    expect((await verdict({ tracking: store, code: await code(14, "start") })).message).toBe("Votre code n'appelle pas mlflow.sklearn.autolog().");
  });

  it("names each manual log call left in the code, by line, whatever its formatting", async () => {
    const store = await newStore();
    const main = [
      "mlflow.sklearn.autolog();",
      "model.fit(XTrain, yTrain);",
      "// await mlflow.logMetric('rmse', rmse); in a comment does not count",
      "await mlflow",
      "  .logMetrics({ rmse });",
      "await mlflow.sklearn.logModel(model, 'model');",
    ].join("\n");
    const result = await verdict({ tracking: store, code: { "main.ts": main } });
    expect(result.passed).toBe(false);
    expect(result.details).toEqual(["Ligne 4 : supprimez mlflow.logMetrics(…).", "Ligne 6 : supprimez mlflow.sklearn.logModel(…)."]);
  });

  it("wants the model's autolog, before the fit", async () => {
    const store = await newStore();
    const general = await verdict({ tracking: store, code: { "main.ts": "mlflow.autolog();\nmodel.fit(X, y);" } });
    expect(general.message).toContain("vous appelez mlflow.autolog()");
    const late = await verdict({ tracking: store, code: { "main.ts": "model.fit(X, y);\nmlflow.sklearn.autolog();" } });
    expect(late.message).toContain("arrive après l'entraînement (ligne 1)");
  });

  it("passes the solution once its run holds autologged params, training metrics and the model", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const solution = await code(14, "solution");
    await logRun(store, experimentId, { params: { alpha: "0.5" }, metrics: { rmse: 0.7 } });
    expect((await verdict({ tracking: store, code: solution })).message).toContain("pas de paramètre max_iter, aucune métrique training_*, pas de modèle (model/MLmodel)");
    const run = await logRun(store, experimentId, { params: { alpha: "0.5", max_iter: "1000" }, metrics: { training_r2_score: 0.29 } });
    await putArtifact(store, run, "model/MLmodel", "artifact_path: model\n");
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});
