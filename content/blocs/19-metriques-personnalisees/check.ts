import { REFERENCE } from "@/lib/course/reference";
import { type BlocCheck, executionRunWithMetrics, failed, passed } from "@/lib/server/checks/kit";

const CUSTOM = REFERENCE.elasticNet.customMetrics;

/** Bloc 19: a finished run of the last execution holds the seed's two custom metrics, with MLflow's values. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const { finishedRuns, run, missing, wrong } = await executionRunWithMetrics(tracking, runIds, CUSTOM);
  if (finishedRuns === 0) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  if (!run) {
    return failed(`Votre dernière exécution n'a pas logué les deux métriques personnalisées (manquantes : ${missing.join(", ")}).`, [
      "Créez-les avec mlflow.models.makeMetric({ evalFn, greaterIsBetter, name }) et passez-les à evaluate : customMetrics: [squaredDiffPlusOneMetric, sumOnTargetDividedByTwoMetric].",
    ]);
  }
  if (wrong.length > 0) return failed("Les métriques personnalisées n'ont pas les valeurs attendues.", wrong);
  return passed(
    `Bravo : squared_diff_plus_one ${CUSTOM.squared_diff_plus_one.toFixed(4)} et sum_on_target_divided_by_two ${CUSTOM.sum_on_target_divided_by_two} ` +
      `sont dans le run « ${run.info.runName} », calculées par evaluate comme par MLflow.`,
  );
};
