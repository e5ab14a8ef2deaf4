import { REFERENCE } from "@/lib/course/reference";
import { type BlocCheck, executionRuns, failed, metricMismatches, metricOf, passed } from "@/lib/server/checks/kit";

/** Bloc 18: a finished run of the last execution holds mlflow.evaluate's nine default regressor metrics, equal to MLflow's. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const runs = await executionRuns(tracking, runIds, { status: "FINISHED" });
  if (runs.length === 0) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const expected = REFERENCE.elasticNet.evaluateMetrics;
  // evaluate logs into the active run, or into a run of its own: look at every run of the execution.
  const evaluated = runs.find((run) => metricOf(run, "example_count") !== undefined);
  if (!evaluated) {
    return failed("Aucun run de votre dernière exécution n'a les métriques de mlflow.evaluate.", [
      'Après la réévaluation, appelez await mlflow.evaluate({ model: loadedModel, data: XTest, targets: yTest, modelType: "regressor" }).',
    ]);
  }
  const { missing, wrong } = metricMismatches(evaluated, expected);
  if (missing.length > 0) return failed(`Le run « ${evaluated.info.runName} » n'a pas toutes les métriques d'évaluation.`, [`Manquantes : ${missing.join(", ")}.`]);
  if (wrong.length > 0) {
    return failed("Certaines métriques d'évaluation diffèrent de celles de MLflow : évaluez-vous bien le modèle rechargé sur XTest et yTest ?", wrong);
  }
  return passed(
    `Bravo : les ${Object.keys(expected).length} métriques de mlflow.evaluate sont dans le run « ${evaluated.info.runName} », ` +
      `égales à celles de MLflow (root_mean_squared_error ${expected.root_mean_squared_error!.toFixed(4)}, max_error ${expected.max_error!.toFixed(4)}).`,
  );
};
