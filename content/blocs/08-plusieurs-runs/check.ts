import { type BlocCheck, entrySource, executionRuns, failed, isCalledFromLoop, metricOf, paramOf, parseLearnerCode, passed, sameNumber } from "@/lib/server/checks/kit";
import elasticnet from "@/test-data/fixtures/elasticnet.json";

const MIN_RUNS = 3;

/** scikit-learn's test rmse for each (alpha, l1_ratio) of the reference grid. */
const REFERENCE_RMSE = new Map(elasticnet.grid.map((point) => [`${point.alpha}|${point.l1_ratio}`, point.test_metrics.rmse]));

/** Bloc 8: one execution logged at least 3 finished runs with distinct (alpha, l1_ratio), from a loop. */
export const check: BlocCheck = async ({ tracking, code, runIds }) => {
  if (!isCalledFromLoop(parseLearnerCode(entrySource(code)), "startRun")) {
    return failed("Votre code ne démarre pas de run dans une boucle.", [
      "Appelez mlflow.startRun(…) dans une boucle for sur les valeurs d'alpha et de l1Ratio (directement, ou dans une fonction appelée par la boucle).",
    ]);
  }
  const runs = await executionRuns(tracking, runIds, { status: "FINISHED" });
  const byParams = new Map<string, (typeof runs)[number]>();
  for (const run of runs) {
    const alpha = paramOf(run, "alpha");
    const l1Ratio = paramOf(run, "l1_ratio");
    const key = `${Number(alpha)}|${Number(l1Ratio)}`;
    // Runs come newest first: the newest run of each setting is the one to judge.
    if (alpha !== undefined && l1Ratio !== undefined && !byParams.has(key)) byParams.set(key, run);
  }
  if (byParams.size < MIN_RUNS) {
    return failed(`Votre dernière exécution a produit ${byParams.size} run(s) terminé(s) avec des paramètres alpha et l1_ratio distincts ; il en faut au moins ${MIN_RUNS}.`, [
      'Dans chaque run, loggez les deux paramètres : await mlflow.logParams({ alpha, l1_ratio: l1Ratio }).',
    ]);
  }
  const wrong: string[] = [];
  for (const [key, run] of byParams) {
    const expected = REFERENCE_RMSE.get(key);
    const rmse = metricOf(run, "rmse");
    if (expected === undefined) continue;
    if (rmse === undefined) wrong.push(`Le run ${run.info.runName} n'a pas de métrique rmse.`);
    else if (!sameNumber(rmse, expected)) wrong.push(`Le run ${run.info.runName} a une rmse de ${rmse}, scikit-learn obtient ${expected} pour ces paramètres.`);
  }
  if (wrong.length > 0) return failed("Certains runs n'ont pas la rmse attendue pour leurs paramètres.", wrong);
  return passed(`Bravo : une seule exécution a produit ${byParams.size} runs aux paramètres distincts. Comparez-les dans le panneau de suivi.`);
};
