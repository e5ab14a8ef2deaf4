/** Bloc 18's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import metrics from "@/test-data/fixtures/metrics.json";
import { check } from "./check";

const { newStore, verdict, logRun } = checkHarness(check);
const reference = metrics.mlflow_evaluate_metrics;

describe("bloc 18: mlflow.evaluate's default regressor metrics", () => {
  it("fails without the evaluation, then names what is missing or wrong, and passes with MLflow's nine metrics", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    // Bloc 17's run: the model's own three metrics, no evaluation.
    await logRun(store, experimentId, { metrics: { rmse: 0.7436, mae: 0.6043, r2: 0.106 } });
    expect((await verdict({ tracking: store })).message).toBe("Aucun run de votre dernière exécution n'a les métriques de mlflow.evaluate.");

    await logRun(store, experimentId, { metrics: { example_count: 400, root_mean_squared_error: reference.root_mean_squared_error } });
    expect((await verdict({ tracking: store })).details?.[0]).toContain("Manquantes : mean_absolute_error, mean_squared_error, sum_on_target");

    // The evaluation of the model before its reload would match; evaluating on the training rows does not.
    await logRun(store, experimentId, { metrics: { ...reference, example_count: 1199 } });
    expect((await verdict({ tracking: store })).details).toEqual(["example_count vaut 1199 ; attendu 400."]);

    // evaluate may log into its own run, beside the training run: the execution's runs are searched.
    await logRun(store, experimentId, { metrics: { rmse: 0.7436 } });
    await logRun(store, experimentId, { metrics: reference });
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });

  it("does not count a failed run", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId, { metrics: reference, status: "FAILED" });
    expect((await verdict({ tracking: store })).message).toBe("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  });
});
