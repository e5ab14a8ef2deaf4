/**
 * `mlflow.evaluate`, custom metrics and artifacts, thresholds and a baseline model, in Node against
 * the real server (blocs 18 to 22). Numbers are compared with the Python course's fixtures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataFrame, type Series } from "@/lib/data";
import { DummyRegressor, ElasticNet } from "@/lib/ml";
import { Figure } from "@/lib/plot";
import * as mlflow from "@/lib/tracking";
import { MetricThreshold, ModelValidationFailedError } from "@/lib/tracking";
import { uniqueName } from "./helpers";
import { FIXTURES, courseSplit, workspacePerFile } from "./sdk-support";

const fixture = (file: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as { mlflow_evaluate_metrics: Record<string, number> };

workspacePerFile();

/** The test rows with their target, as the Python course's `eval_data`. */
function evalData(XTest: DataFrame, yTest: Series): DataFrame {
  return new DataFrame([...XTest.columns.map((name) => [name, XTest.get(name).toArray()] as const), ["quality", yTest.toArray()]]);
}

async function loggedElasticNet() {
  const split = await courseSplit();
  const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5, randomState: 42 }).fit(split.XTrain, split.yTrain);
  const info = await mlflow.startRun({}, () => mlflow.sklearn.logModel(model, "model"));
  return { ...split, model, modelUri: info.modelUri };
}

describe("evaluate", () => {
  it("logs MLflow's default regressor metrics, equal to the Python course's, for a model URI", async () => {
    await mlflow.setExperiment(uniqueName("exp-evaluate"));
    const { XTest, yTest, modelUri } = await loggedElasticNet();
    const result = await mlflow.startRun({ runName: "evaluation" }, () =>
      mlflow.evaluate({ model: modelUri, data: evalData(XTest, yTest), targets: "quality", modelType: "regressor", evaluators: ["default"] }),
    );
    expect(result.metrics).toEqual(fixture("metrics.json").mlflow_evaluate_metrics);
    const run = await mlflow.lastActiveRun();
    expect(run?.data.metrics).toEqual(fixture("metrics.json").mlflow_evaluate_metrics);
  });

  it("computes custom metrics from evalDf and builtin metrics, and logs custom artifacts", async () => {
    await mlflow.setExperiment(uniqueName("exp-evaluate"));
    const { XTest, yTest, model } = await loggedElasticNet();
    const squaredDiffPlusOne = mlflow.makeMetric({
      name: "squared_diff_plus_one",
      greaterIsBetter: false,
      evalFn: (evalDf) => {
        const predictions = evalDf.get("prediction").toArray();
        const targets = evalDf.get("target").toArray();
        return predictions.reduce((sum, p, i) => sum + (Math.abs(p - targets[i]! + 1)) ** 2, 0);
      },
    });
    const halfSum = mlflow.makeMetric({ name: "sum_on_target_divided_by_two", greaterIsBetter: true, evalFn: (_df, builtin) => builtin.sum_on_target! / 2 });
    const scatter = (evalDf: DataFrame) => ({
      example_scatter_plot: new Figure().scatter(evalDf.get("target").toArray(), evalDf.get("prediction").toArray()).identityLine().title("Prédictions / cibles"),
      summary: { rows: evalDf.shape[0] },
    });
    const result = await mlflow.evaluate({
      model,
      data: evalData(XTest, yTest),
      targets: "quality",
      modelType: "regressor",
      customMetrics: [squaredDiffPlusOne, halfSum],
      customArtifacts: [scatter],
    });
    const predictions = model.predict(XTest);
    const targets = yTest.toArray();
    expect(result.metrics.squared_diff_plus_one).toBe(predictions.reduce((sum, p, i) => sum + Math.abs(p - targets[i]! + 1) ** 2, 0));
    expect(result.metrics.sum_on_target_divided_by_two).toBe(1132.5);
    const runId = (await mlflow.lastActiveRun())!.info.runId;
    const files = (await new mlflow.MlflowClient().listArtifacts(runId)).map((file) => file.path).sort();
    expect(files).toEqual(["example_scatter_plot.svg", "summary.json"]);
    expect(result.artifacts.example_scatter_plot).toMatch(/\/example_scatter_plot\.svg$/);
    expect((await mlflow.lastActiveRun())?.data.metrics.squared_diff_plus_one).toBe(result.metrics.squared_diff_plus_one);
  });

  it("passes thresholds against a DummyRegressor baseline, whose metrics equal the Python course's", async () => {
    await mlflow.setExperiment(uniqueName("exp-evaluate"));
    const { XTrain, yTrain, XTest, yTest, model } = await loggedElasticNet();
    const result = await mlflow.evaluate({
      model,
      data: evalData(XTest, yTest),
      targets: "quality",
      modelType: "regressor",
      baselineModel: new DummyRegressor({ strategy: "mean" }).fit(XTrain, yTrain),
      validationThresholds: {
        root_mean_squared_error: new MetricThreshold({ minAbsoluteChange: 0.01, minRelativeChange: 0.05, greaterIsBetter: false }),
        r2_score: new MetricThreshold({ threshold: 0.1, greaterIsBetter: true }),
      },
    });
    expect(result.baselineModelMetrics).toEqual(fixture("dummy.json").mlflow_evaluate_metrics);
  });

  it("names every failed check when the model misses its thresholds", async () => {
    await mlflow.setExperiment(uniqueName("exp-evaluate"));
    const { XTrain, yTrain, XTest, yTest, model } = await loggedElasticNet();
    const error = await mlflow
      .evaluate({
        model,
        data: evalData(XTest, yTest),
        targets: "quality",
        modelType: "regressor",
        baselineModel: new DummyRegressor().fit(XTrain, yTrain),
        validationThresholds: {
          root_mean_squared_error: new MetricThreshold({ threshold: 0.6, minAbsoluteChange: 0.1, minRelativeChange: 0.05, greaterIsBetter: false }),
          r2_score: new MetricThreshold({ minRelativeChange: 0.9, greaterIsBetter: true }),
          accuracy: new MetricThreshold({ threshold: 0.9, greaterIsBetter: true }),
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelValidationFailedError);
    const failures = (error as ModelValidationFailedError).failures.map((failure) => [failure.metric, failure.check]);
    expect(failures).toEqual([
      ["root_mean_squared_error", "threshold"],
      ["root_mean_squared_error", "min_absolute_change"],
      // MLflow divides by the baseline as is: the dummy's r2 is negative, so the "relative change" is too.
      ["r2_score", "min_relative_change"],
      ["accuracy", "missing_candidate"],
    ]);
    const message = (error as Error).message;
    expect(message).toMatch(/^La validation du modèle a échoué :/);
    expect(message).toContain("root_mean_squared_error : le seuil n'est pas atteint (modèle évalué : 0.7436470916334204, seuil : 0.6");
    expect(message).toContain("accuracy : cette métrique manque");
    expect(message).toMatch(/\(BAD_REQUEST\)$/);
    expect((error as ModelValidationFailedError).serverMessage).toContain(
      "Metric root_mean_squared_error value threshold check failed: candidate model root_mean_squared_error = 0.7436470916334204, root_mean_squared_error threshold = 0.6.",
    );
  });

  it("refuses malformed thresholds and model types with MLflow's code and a French message", () => {
    expect(() => new MetricThreshold({ greaterIsBetter: true })).toThrow(/donnez au moins threshold/);
    expect(() => new MetricThreshold({ minRelativeChange: 5, greaterIsBetter: false })).toThrow(/entre 0 et 1/);
    expect(() => new MetricThreshold({ threshold: 1 } as never)).toThrow(/greaterIsBetter/);
    return expect(
      mlflow.evaluate({ model: () => [], data: [[1]], targets: [1], modelType: "classifier" as never }),
    ).rejects.toThrow(/seul "regressor"/);
  });
});
