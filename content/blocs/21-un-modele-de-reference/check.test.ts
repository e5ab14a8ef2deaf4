/** Bloc 21's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import dummy from "@/test-data/fixtures/dummy.json";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import { check } from "./check";

const { newStore, verdict, logRun } = checkHarness(check);
const baseline = { dummy_rmse: dummy.test_metrics.rmse, dummy_mae: dummy.test_metrics.mae, dummy_r2: dummy.test_metrics.r2 };

describe("bloc 21: the DummyRegressor baseline", () => {
  it("fails without the dummy metrics, then on values that are not scikit-learn's, and passes with them", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId, { metrics: elasticnet.model.test_metrics });
    expect((await verdict({ tracking: store })).message).toBe("Votre dernière exécution n'a pas logué les métriques du modèle de référence.");

    // The median instead of the mean, or the metrics of the training rows: other numbers.
    await logRun(store, experimentId, { metrics: { ...baseline, dummy_r2: 0 } });
    expect((await verdict({ tracking: store })).details).toEqual([`dummy_r2 vaut 0 ; attendu ${dummy.test_metrics.r2}.`]);

    await logRun(store, experimentId, { metrics: { ...elasticnet.model.test_metrics, ...baseline } });
    const verdictOk = await verdict({ tracking: store });
    expect(verdictOk).toMatchObject({ passed: true });
    expect(verdictOk.message).toContain("RMSE de 0.7873");
  });
});
