import { REFERENCE } from "@/lib/course/reference";
import { type BlocCheck, executionRunWithMetrics, failed, passed } from "@/lib/server/checks/kit";

const EXPECTED = {
  dummy_rmse: REFERENCE.dummy.testMetrics.rmse,
  dummy_mae: REFERENCE.dummy.testMetrics.mae,
  dummy_r2: REFERENCE.dummy.testMetrics.r2,
};

/** Bloc 21: a finished run of the last execution holds dummy_rmse, dummy_mae and dummy_r2, equal to scikit-learn's DummyRegressor. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const { finishedRuns, run, wrong } = await executionRunWithMetrics(tracking, runIds, EXPECTED);
  if (finishedRuns === 0) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  if (!run) {
    return failed("Votre dernière exécution n'a pas logué les métriques du modèle de référence.", [
      'Entraînez new DummyRegressor({ strategy: "mean" }) sur XTrain et yTrain, évaluez-le avec evalMetrics, puis await mlflow.logMetrics({ dummy_rmse, dummy_mae, dummy_r2 }).',
    ]);
  }
  if (wrong.length > 0) {
    return failed("Les métriques du modèle de référence diffèrent de celles de scikit-learn : entraînez-le sur XTrain et yTrain, évaluez-le sur XTest et yTest.", wrong);
  }
  return passed(
    `Bravo : le modèle de référence (la moyenne ${REFERENCE.dummy.constant.toFixed(4)}) a une RMSE de ${EXPECTED.dummy_rmse.toFixed(4)}, ` +
      `celle d'ElasticNet est ${REFERENCE.elasticNet.testMetrics.rmse.toFixed(4)} : le modèle fait mieux que la moyenne, de peu.`,
  );
};
