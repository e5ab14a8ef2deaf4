import { activeExperimentNamed, type BlocCheck, entrySource, executionRuns, failed, findCalls, parseLearnerCode, passed, userTags } from "@/lib/server/checks/kit";

const EXPERIMENT = "exp_wine_quality_v2";

/** Bloc 4: `exp_wine_quality_v2` was created by createExperiment with tags, and the last execution finished a run in it. */
export const check: BlocCheck = async ({ tracking, code, runIds }) => {
  const experiment = await activeExperimentNamed(tracking, EXPERIMENT);
  if (!experiment) {
    return failed(`L'expérience ${EXPERIMENT} n'existe pas dans votre espace.`, [
      `Créez-la avec await mlflow.createExperiment("${EXPERIMENT}", { tags: { … } }).`,
    ]);
  }
  if (findCalls(parseLearnerCode(entrySource(code)), "createExperiment").length === 0) {
    return failed("Votre code ne crée pas l'expérience avec mlflow.createExperiment(…).", [
      "setExperiment crée une expérience nue ; createExperiment permet de lui donner des tags dès sa création.",
    ]);
  }
  const tags = userTags(experiment.tags);
  if (tags.length === 0) {
    return failed(`L'expérience ${EXPERIMENT} n'a aucun tag.`, [
      "Elle a sans doute été créée sans tags : supprimez-la dans l'interface, puis relancez votre script avec l'option tags de createExperiment.",
    ]);
  }
  const runs = await executionRuns(tracking, runIds, { experimentIds: [experiment.experimentId], status: "FINISHED" });
  if (runs.length === 0) {
    return failed(`Votre dernière exécution n'a terminé aucun run dans l'expérience ${EXPERIMENT}.`, [
      "Démarrez le run dans cette expérience : await mlflow.startRun({ experimentId: experiment.experimentId }).",
    ]);
  }
  const shown = tags.map((tag) => `${tag.key}=${tag.value}`).join(", ");
  return passed(`Bravo : l'expérience ${EXPERIMENT} (id ${experiment.experimentId}, tags ${shown}) contient le run ${runs[0]!.info.runName}.`);
};
