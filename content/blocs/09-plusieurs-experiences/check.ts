import { activeExperiments, type BlocCheck, executionRuns, failed, passed } from "@/lib/server/checks/kit";

/** The experiments the earlier blocs use: bloc 9 asks for new ones. */
const EARLIER_EXPERIMENTS = new Set(["Default", "exp_wine_quality", "exp_wine_quality_v2"]);
const MIN_EXPERIMENTS = 2;

/** Bloc 9: the last execution finished runs in at least two new experiments. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const candidates = (await activeExperiments(tracking)).filter((experiment) => !EARLIER_EXPERIMENTS.has(experiment.name));
  const withRuns: string[] = [];
  const empty: string[] = [];
  const finished = await executionRuns(tracking, runIds, { experimentIds: candidates.map((experiment) => experiment.experimentId), status: "FINISHED" });
  const holding = new Set(finished.map((run) => run.info.experimentId));
  for (const experiment of candidates) (holding.has(experiment.experimentId) ? withRuns : empty).push(experiment.name);
  if (withRuns.length < MIN_EXPERIMENTS) {
    return failed(`Il faut au moins ${MIN_EXPERIMENTS} nouvelles expériences contenant chacune un run terminé par votre dernière exécution ; vous en avez ${withRuns.length}.`, [
      ...(empty.length > 0 ? [`Sans run terminé par cette exécution : ${empty.join(", ")}.`] : []),
      "En plus de exp_wine_quality et exp_wine_quality_v2, choisissez une expérience par famille de modèles avec await mlflow.setExperiment(…), puis démarrez-y des runs.",
    ]);
  }
  return passed(`Bravo : vos runs sont rangés dans ${withRuns.length} nouvelles expériences (${withRuns.join(", ")}).`);
};
