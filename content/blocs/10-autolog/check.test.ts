/** Bloc 10's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, code, verdict, logRun, putArtifact } = checkHarness(check, { code: true });

describe("bloc 10: autolog", () => {
  it("needs autolog before the first fit, and an autologged newest run", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2" });
    const solution = await code(10, "solution");
    expect((await verdict({ tracking: store, code: await code(10, "start") })).message).toBe("Votre code n'appelle pas mlflow.autolog().");
    const late = { "main.ts": "model.fit(XTrain, yTrain);\nmlflow.autolog();" };
    expect((await verdict({ tracking: store, code: late })).message).toContain("arrive après le premier entraînement (ligne 1)");
    await logRun(store, experimentId, { params: { alpha: "0.5" }, metrics: { rmse: 0.7 } });
    const manual = await verdict({ tracking: store, code: solution });
    expect(manual.message).toContain("aucune métrique training_*, pas de paramètre max_iter, pas de modèle (model/MLmodel)");
    const run = await logRun(store, experimentId, { params: { alpha: "0.5", max_iter: "1000" }, metrics: { training_r2_score: 0.29 } });
    await putArtifact(store, run, "model/MLmodel", "artifact_path: model\n");
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});
