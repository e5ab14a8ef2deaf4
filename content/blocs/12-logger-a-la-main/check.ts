import {
  type BlocCheck,
  entrySource,
  failed,
  findCalls,
  metricOf,
  newestExecutionRun,
  notReferenceParams,
  paramOf,
  parseLearnerCode,
  passed,
  REFERENCE_PARAMS,
  REFERENCE_TEST_METRICS,
  sameNumber,
} from "@/lib/server/checks/kit";

const METRICS = ["rmse", "mae", "r2"] as const;

/** Bloc 12: the newest finished run of the last execution has alpha, l1_ratio, rmse, mae and r2, the metrics equal to scikit-learn's. */
export const check: BlocCheck = async ({ tracking, code, runIds }) => {
  if (findCalls(parseLearnerCode(entrySource(code)), "evalMetrics").length === 0) {
    return failed("Votre code n'appelle pas de fonction evalMetrics.", ["Écrivez evalMetrics(actual, predicted), qui renvoie { rmse, mae, r2 }, et appelez-la sur yTest et les prédictions."]);
  }
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const missingParams = Object.keys(REFERENCE_PARAMS).filter((key) => paramOf(run, key) === undefined);
  const missingMetrics = METRICS.filter((key) => metricOf(run, key) === undefined);
  if (missingParams.length > 0 || missingMetrics.length > 0) {
    return failed(`Votre dernier run terminé (${run.info.runName}) n'a pas tout enregistré.`, [
      ...(missingParams.length > 0 ? [`Paramètres manquants : ${missingParams.join(", ")} (await mlflow.logParams({ … })).`] : []),
      ...(missingMetrics.length > 0 ? [`Métriques manquantes : ${missingMetrics.join(", ")} (await mlflow.logMetrics({ … })).`] : []),
    ]);
  }
  const otherParams = notReferenceParams(run);
  if (otherParams) return failed("La vérification compare vos métriques à celles de scikit-learn pour alpha 0.5 et l1_ratio 0.5.", [otherParams]);
  const expected = REFERENCE_TEST_METRICS;
  const wrong = METRICS.filter((key) => !sameNumber(metricOf(run, key)!, expected[key]));
  if (wrong.length > 0) {
    return failed("Certaines métriques diffèrent de celles de scikit-learn.", wrong.map((key) => `${key} vaut ${metricOf(run, key)} ; attendu ${expected[key]}.`));
  }
  return passed(`Bravo : rmse ${expected.rmse.toFixed(4)}, mae ${expected.mae.toFixed(4)} et r2 ${expected.r2.toFixed(4)}, exactement les valeurs de scikit-learn, dans le run « ${run.info.runName} ».`);
};
