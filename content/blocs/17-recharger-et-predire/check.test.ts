/** Bloc 17's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import { check } from "./check";

const { newStore, verdict, logRun, putArtifact } = checkHarness(check);

const MODEL = "sklearn_pyfunc_model";
const HISTORY = { "mlflow.log-model.history": JSON.stringify([{ artifact_path: MODEL }]) };
const MLMODEL = `artifact_path: ${MODEL}\nflavors:\n  js_function:\n    model_code: sklearn-wrapper.ts\n`;
const original = elasticnet.model.test_metrics;
const params = { alpha: "0.5", l1_ratio: "0.5", max_iter: "1000" };

async function runWithModel(store: Awaited<ReturnType<typeof newStore>>, experimentId: string, data: { params?: Record<string, string>; metrics?: Record<string, number> }) {
  const run = await logRun(store, experimentId, { ...data, tags: HISTORY });
  await putArtifact(store, run, `${MODEL}/MLmodel`, MLMODEL);
  return run;
}

describe("bloc 17: reload and predict", () => {
  it("wants the reloaded model's metrics in the run (bloc 16's run has none)", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await runWithModel(store, experimentId, { params, metrics: { training_r2_score: 0.14 } });
    expect((await verdict({ tracking: store })).message).toContain("n'a pas les métriques du modèle rechargé : rmse_reload, mae_reload, r2_reload");
  });

  it("compares them with the original model's metrics, for the reference hyperparameters", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const reloaded = { rmse_reload: original.rmse, mae_reload: original.mae, r2_reload: original.r2 };
    await runWithModel(store, experimentId, { params: { ...params, alpha: "0.1" }, metrics: reloaded });
    expect((await verdict({ tracking: store })).details).toEqual(["Votre run a alpha=0.1 : remettez 0.5 dans args, exécutez, puis vérifiez."]);
    await runWithModel(store, experimentId, { params, metrics: { ...reloaded, rmse_reload: original.rmse + 0.01 } });
    expect((await verdict({ tracking: store })).details).toEqual([`rmse_reload vaut ${original.rmse + 0.01} ; le modèle d'origine a rmse = ${original.rmse}.`]);
    await runWithModel(store, experimentId, { params, metrics: reloaded });
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
