import { type BlocCheck, executionRuns, failed, passed } from "@/lib/server/checks/kit";

const EXPERIMENT = "exp_wine_quality";

/** Bloc 1: experiment `exp_wine_quality` exists and the last execution left a FINISHED run in it. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const experiment = await tracking.getExperimentByName(EXPERIMENT);
  if (!experiment || experiment.lifecycleStage !== "active") {
    return failed(`L'expérience ${EXPERIMENT} n'existe pas dans votre espace.`, [
      `Appelez await mlflow.setExperiment("${EXPERIMENT}") avant de démarrer le run.`,
    ]);
  }
  const runs = await executionRuns(tracking, runIds, { experimentIds: [experiment.experimentId] });
  const finished = runs.find((run) => run.info.status === "FINISHED");
  if (!finished) {
    const statuses = runs.map((run) => run.info.status);
    return failed(`Votre dernière exécution n'a terminé aucun run dans l'expérience ${EXPERIMENT}.`, [
      runs.length === 0
        ? "Elle n'y a démarré aucun run : appelez await mlflow.startRun() après setExperiment."
        : `Vos runs sont ${[...new Set(statuses)].join(", ")} : terminez le run avec await mlflow.endRun().`,
    ]);
  }
  return passed(`Bravo : le run ${finished.info.runName} est terminé (FINISHED) dans l'expérience ${EXPERIMENT}.`);
};
