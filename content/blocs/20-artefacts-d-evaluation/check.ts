import { REFERENCE } from "@/lib/course/reference";
import { type BlocCheck, executionRuns, failed, metricOf, passed, RunArtifacts } from "@/lib/server/checks/kit";
import { svgElementNames } from "@/lib/plot/well-formed";

const TEST_ROWS = REFERENCE.elasticNet.evaluateMetrics.example_count!;

/**
 * Bloc 20: the evaluated run of the last execution holds, at its root (where evaluate puts custom
 * artifacts), a well-formed SVG with one point per test row: the predictions-vs-targets scatter.
 */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const runs = await executionRuns(tracking, runIds, { status: "FINISHED" });
  const evaluated = runs.find((run) => metricOf(run, "example_count") !== undefined);
  if (!evaluated) return failed("Aucun run terminé de votre dernière exécution n'a été évalué par mlflow.evaluate : exécutez votre script jusqu'au bout.");
  const artifacts = RunArtifacts.of(tracking.workspaceId, evaluated);
  const svgs = artifacts ? (await artifacts.files()).filter((path) => !path.includes("/") && path.endsWith(".svg")) : [];
  if (!artifacts || svgs.length === 0) {
    return failed(`Le run évalué (« ${evaluated.info.runName} ») n'a pas d'artefact SVG produit par l'évaluation.`, [
      "Écrivez predictionTargetScatter(evalDf), qui renvoie { scatter_plot_artifact: figure }, et passez-la à evaluate : customArtifacts: [predictionTargetScatter].",
    ]);
  }
  const problems: string[] = [];
  for (const path of svgs) {
    let names: string[];
    try {
      names = svgElementNames((await artifacts.readText(path)) ?? "");
    } catch (error) {
      problems.push(`${path} n'est pas un SVG valide (${(error as Error).message}).`);
      continue;
    }
    const points = names.filter((name) => name === "circle").length;
    if (points === TEST_ROWS) {
      return passed(`Bravo : l'évaluation a rangé ${path} dans le run « ${evaluated.info.runName} », un nuage de ${points} points (un par vin du jeu de test). Ouvrez-le dans les artefacts du run.`);
    }
    problems.push(`${path} contient ${points} points ; attendu ${TEST_ROWS}, un par vin du jeu de test (evalDf.get("prediction") contre evalDf.get("target")).`);
  }
  return failed("L'artefact de l'évaluation n'est pas le nuage prédictions / valeurs réelles attendu.", problems);
};
