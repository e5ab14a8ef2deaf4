/** Bloc 19's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { REFERENCE } from "@/lib/course/reference";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import metrics from "@/test-data/fixtures/metrics.json";
import { check } from "./check";

const { newStore, verdict, logRun } = checkHarness(check);
const evaluated = metrics.mlflow_evaluate_metrics;

describe("bloc 19: the seed's two custom metrics, through evaluate", () => {
  it("agrees with the seed's definitions on the fixtures' numbers", () => {
    // sum_on_target / 2, and a sum of squares that exceeds n·MSE by 2·Σ(p − y) + n.
    expect(REFERENCE.elasticNet.customMetrics.sum_on_target_divided_by_two).toBe(1132.5);
    expect(REFERENCE.elasticNet.customMetrics.squared_diff_plus_one).toBeCloseTo(598.81672930, 6);
  });

  it("fails on bloc 18's evaluation, then on wrong values, and passes with both metrics right", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId, { metrics: evaluated });
    const none = await verdict({ tracking: store });
    expect(none.message).toBe(
      "Votre dernière exécution n'a pas logué les deux métriques personnalisées (manquantes : squared_diff_plus_one, sum_on_target_divided_by_two).",
    );

    await logRun(store, experimentId, { metrics: { ...evaluated, squared_diff_plus_one: 400 * evaluated.mean_squared_error, sum_on_target_divided_by_two: 1132.5 } });
    const wrong = await verdict({ tracking: store });
    expect(wrong.passed).toBe(false);
    expect(wrong.details?.[0]).toMatch(/^squared_diff_plus_one vaut 221\.20\d+ ; attendu 598\.81\d+\.$/);

    await logRun(store, experimentId, { metrics: { ...evaluated, ...REFERENCE.elasticNet.customMetrics } });
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
