/** Bloc 12's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import { check } from "./check";

const { newStore, code, verdict, logRun } = checkHarness(check, { code: true });

describe("bloc 12: manual logging", () => {
  const reference = elasticnet.model.test_metrics;

  it("needs evalMetrics, the five values, and metrics equal to scikit-learn's", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const solution = await code(12, "solution");
    expect((await verdict({ tracking: store, code: await code(12, "start") })).message).toBe("Votre code n'appelle pas de fonction evalMetrics.");
    await logRun(store, experimentId);
    const empty = await verdict({ tracking: store, code: solution });
    expect(empty.details).toEqual(["Paramètres manquants : alpha, l1_ratio (await mlflow.logParams({ … })).", "Métriques manquantes : rmse, mae, r2 (await mlflow.logMetrics({ … }))."]);
    await logRun(store, experimentId, { params: { alpha: "0.1", l1_ratio: "0.5" }, metrics: { rmse: 0.7, mae: 0.6, r2: 0.1 } });
    expect((await verdict({ tracking: store, code: solution })).details?.[0]).toContain("alpha=0.1");
    await logRun(store, experimentId, { params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: reference.rmse, mae: reference.mse, r2: reference.r2 } });
    expect((await verdict({ tracking: store, code: solution })).details).toEqual([`mae vaut ${reference.mse} ; attendu ${reference.mae}.`]);
    await logRun(store, experimentId, { params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: reference.rmse, mae: reference.mae, r2: reference.r2 } });
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
  });

  it("judges the last execution's runs, not the newest finished run of the workspace", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const solution = await code(12, "solution");
    const metrics = { rmse: reference.rmse, mae: reference.mae, r2: reference.r2 };
    await logRun(store, experimentId, { params: { alpha: "0.5", l1_ratio: "0.5" }, metrics });
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
    // The next execution ended its run FAILED: the earlier, correct run does not pass it.
    await logRun(store, experimentId, { params: { alpha: "0.5", l1_ratio: "0.5" }, status: "FAILED" });
    expect((await verdict({ tracking: store, code: solution })).message).toBe("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  });
});
