import { type BlocCheck, failed, passed } from "@/lib/server/checks/kit";

const EXPERIMENT = "exp_wine_quality";

/** Bloc 1: experiment `exp_wine_quality` exists and holds a FINISHED run. */
export const check: BlocCheck = async ({ tracking }) => {
  const experiment = await tracking.getExperimentByName(EXPERIMENT);
  if (!experiment || experiment.lifecycleStage !== "active") {
    return failed(`L'expérience ${EXPERIMENT} n'existe pas dans votre espace.`, [
      `Appelez await mlflow.setExperiment("${EXPERIMENT}") avant de démarrer le run.`,
    ]);
  }
  const { items: runs } = await tracking.searchRuns({ experimentIds: [experiment.experimentId], maxResults: 100 });
  const finished = runs.find((run) => run.info.status === "FINISHED");
  if (!finished) {
    const statuses = runs.map((run) => run.info.status);
    return failed(`Aucun run terminé dans l'expérience ${EXPERIMENT}.`, [
      runs.length === 0
        ? "L'expérience ne contient aucun run : appelez await mlflow.startRun()."
        : `Vos runs sont ${[...new Set(statuses)].join(", ")} : terminez le run avec await mlflow.endRun().`,
    ]);
  }
  return passed(`Bravo : le run ${finished.info.runName} est terminé (FINISHED) dans l'expérience ${EXPERIMENT}.`);
};
