/**
 * A workspace as a learner leaves it after many blocs, created through the MLflow REST API:
 * the course's experiments in the order the blocs create them, a sweep, an autolog-like run
 * (a dozen params, `training_*` metrics beside rmse/mae/r2), artifacts and a registered model
 * with versions in several stages. Shared by the accessibility spec, the live panel's order
 * spec and the screenshots.
 */
import { seedExperiment, type SeedRun, type WorkspaceApi } from "./tracking-fixtures";

const SWEEP: SeedRun[] = [0.1, 0.5, 1.0].map((alpha, index) => ({
  name: `alpha ${alpha}, l1Ratio 0.5`,
  params: { alpha: String(alpha), l1_ratio: "0.5" },
  metrics: { rmse: 0.66 + alpha / 20, r2: 0.35 - alpha / 10 + index / 100, mae: 0.5 + alpha / 30 },
}));

/** What ElasticNet's autolog logs, plus the bloc's own metrics. */
function autologRun(name: string, alpha: number): SeedRun {
  return {
    name,
    params: {
      alpha: String(alpha),
      l1_ratio: "0.5",
      copy_X: "True",
      fit_intercept: "True",
      max_iter: "1000",
      positive: "False",
      precompute: "False",
      random_state: "42",
      selection: "cyclic",
      tol: "0.0001",
      warm_start: "False",
    },
    metrics: {
      training_mean_absolute_error: 0.5 + alpha / 10,
      training_mean_squared_error: 0.43 + alpha / 10,
      training_r2_score: 0.34 - alpha / 10,
      training_root_mean_squared_error: 0.66 + alpha / 10,
      training_score: 0.34 - alpha / 10,
      rmse: [0.7 + alpha / 10, 0.68 + alpha / 10],
      mae: 0.52 + alpha / 10,
      r2: 0.31 - alpha / 10,
    },
    tags: { "mlflow.autologging": "sklearn", estimator_name: "ElasticNet" },
  };
}

export interface CourseHistory {
  experiments: Record<string, string>;
  sweepRunIds: string[];
  autologRunId: string;
  modelName: string;
}

export async function seedCourseHistory(api: WorkspaceApi): Promise<CourseHistory> {
  const experiments: Record<string, string> = {};
  const quality = await seedExperiment(api, "exp_wine_quality", SWEEP.slice(0, 1));
  experiments.exp_wine_quality = quality.experimentId;
  // Bloc 12's experiment: neither the oldest nor the most recently active.
  const elasticnet = await seedExperiment(api, "exp_wine_elasticnet", [{ name: "elasticnet", params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: 0.74, mae: 0.58, r2: 0.21 } }]);
  experiments.exp_wine_elasticnet = elasticnet.experimentId;
  const v2 = await seedExperiment(api, "exp_wine_quality_v2", [...SWEEP, autologRun("autolog alpha 0.5", 0.5), autologRun("autolog alpha 1", 1)]);
  experiments.exp_wine_quality_v2 = v2.experimentId;
  for (const name of ["exp_wine_lasso", "exp_wine_ridge"]) {
    experiments[name] = (await seedExperiment(api, name, SWEEP)).experimentId;
  }
  const run = v2.runs[3]!;
  await api.putArtifact(run.artifactUri, "plots/residus.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="300" height="120" fill="#ecc4cf"/></svg>');
  await api.putArtifact(run.artifactUri, "data/predictions.csv", "alcohol,pH,quality,prediction\n9.4,3.51,5,5.12\n9.8,3.2,5,5.3\n");
  await api.putArtifact(run.artifactUri, "model/MLmodel", "artifact_path: model\nflavors:\n  python_function:\n    loader_module: cuvee.ml\n");
  const modelName = "wine-quality";
  await api.post("registered-models/create", { name: modelName, description: "ElasticNet entraîné sur la qualité des vins rouges." });
  for (let i = 0; i < 3; i += 1) await api.post("model-versions/create", { name: modelName, source: `runs:/${run.runId}/model`, run_id: run.runId });
  await api.post("model-versions/transition-stage", { name: modelName, version: "2", stage: "Production", archive_existing_versions: false });
  await api.post("model-versions/transition-stage", { name: modelName, version: "3", stage: "Staging", archive_existing_versions: false });
  await api.post("registered-models/alias", { name: modelName, alias: "champion", version: "2" });
  return { experiments, sweepRunIds: v2.runs.slice(0, 3).map((r) => r.runId), autologRunId: run.runId, modelName };
}
