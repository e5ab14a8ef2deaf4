/** Bloc 20's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { Figure } from "@/lib/plot";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import metrics from "@/test-data/fixtures/metrics.json";
import { check } from "./check";

const { newStore, verdict, logRun, putArtifact } = checkHarness(check);
const predictions = elasticnet.model.test_predictions;

function scatterOf(points: number): string {
  const x = predictions.slice(0, points);
  return new Figure().scatter(x, x.map(Math.round)).xLabel("Prédictions").yLabel("Valeurs réelles").toSvg();
}

describe("bloc 20: the evaluation's scatter artifact", () => {
  it("needs an SVG at the evaluated run's root, well-formed, with one point per test row", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId, { metrics: elasticnet.model.test_metrics });
    expect((await verdict({ tracking: store })).message).toContain("n'a été évalué par mlflow.evaluate");

    let run = await logRun(store, experimentId, { metrics: metrics.mlflow_evaluate_metrics });
    await putArtifact(store, run, "plots/scatter_plot.svg", scatterOf(400));
    expect((await verdict({ tracking: store })).message).toContain("n'a pas d'artefact SVG produit par l'évaluation");

    run = await logRun(store, experimentId, { metrics: metrics.mlflow_evaluate_metrics });
    await putArtifact(store, run, "scatter_plot_artifact.svg", scatterOf(400).slice(0, -10));
    expect((await verdict({ tracking: store })).details?.[0]).toMatch(/^scatter_plot_artifact\.svg n'est pas un SVG valide \(/);

    await putArtifact(store, run, "scatter_plot_artifact.svg", scatterOf(5));
    expect((await verdict({ tracking: store })).details?.[0]).toContain("contient 5 points ; attendu 400");

    await putArtifact(store, run, "scatter_plot_artifact.svg", scatterOf(400));
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
