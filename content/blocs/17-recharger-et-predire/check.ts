import {
  type BlocCheck,
  customModelsOf,
  failed,
  metricOf,
  newestExecutionRun,
  notReferenceParams,
  passed,
  REFERENCE_TEST_METRICS,
  RunArtifacts,
  sameNumber,
} from "@/lib/server/checks/kit";

/** Each reloaded metric, and the original model's metric it must equal. */
const RELOADED = { rmse_reload: "rmse", mae_reload: "mae", r2_reload: "r2" } as const;

/**
 * Bloc 17: the newest finished run of the last execution holds a custom model and the metrics of
 * that model reloaded from the run (rmse_reload, mae_reload, r2_reload), equal to the original
 * ElasticNet's test metrics (scikit-learn's, for the run's autologged alpha and l1_ratio).
 */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const model = artifacts ? (await customModelsOf(run, artifacts))[0] : undefined;
  if (!model) return failed(`Votre dernier run terminé (« ${run.info.runName} ») n'a pas de modèle personnalisé : reprenez le bloc 15 (mlflow.pyfunc.logModel).`);
  const missing = Object.keys(RELOADED).filter((key) => metricOf(run, key) === undefined);
  if (missing.length > 0) {
    return failed(`Votre dernier run (« ${run.info.runName} ») n'a pas les métriques du modèle rechargé : ${missing.join(", ")}.`, [
      `Après le run, rechargez le modèle avec mlflow.pyfunc.loadModel(\`runs:/\${run.info.runId}/${model.artifactPath}\`), prédisez sur XTest, réévaluez avec evalMetrics,`,
      "puis rangez rmse_reload, mae_reload et r2_reload dans le même run : await mlflow.startRun({ runId: run.info.runId }, () => mlflow.logMetrics({ … })).",
    ]);
  }
  const otherParams = notReferenceParams(run);
  if (otherParams) return failed("La vérification compare le modèle rechargé à l'ElasticNet d'origine pour alpha 0.5 et l1_ratio 0.5.", [otherParams]);
  const different = Object.entries(RELOADED).filter(([reloaded, original]) => !sameNumber(metricOf(run, reloaded)!, REFERENCE_TEST_METRICS[original]));
  if (different.length > 0) {
    return failed(
      "Le modèle rechargé ne retrouve pas les scores du modèle d'origine.",
      different.map(([reloaded, original]) => `${reloaded} vaut ${metricOf(run, reloaded)} ; le modèle d'origine a ${original} = ${REFERENCE_TEST_METRICS[original]}.`),
    );
  }
  return passed(
    `Bravo : rechargé depuis runs:/…/${model.artifactPath}, le modèle retrouve exactement ses scores d'origine (rmse ${REFERENCE_TEST_METRICS.rmse.toFixed(4)}, mae ${REFERENCE_TEST_METRICS.mae.toFixed(4)}, r2 ${REFERENCE_TEST_METRICS.r2.toFixed(4)}).`,
  );
};
