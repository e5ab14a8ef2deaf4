import {
  type BlocCheck,
  customModelsOf,
  environmentOf,
  failed,
  importedPackages,
  newestExecutionRun,
  parseLearnerCode,
  passed,
  pinningProblems,
  RunArtifacts,
} from "@/lib/server/checks/kit";

/**
 * Bloc 16: the newest finished run of the last execution logged a custom model whose environment
 * file pins, to the exact versions the platform provides, every package the model's own code
 * imports (so `mlflow`, the SDK, and `cuvee`).
 */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const model = artifacts ? (await customModelsOf(run, artifacts))[0] : undefined;
  if (!artifacts || !model) {
    return failed(`Votre dernier run terminé (« ${run.info.runName} ») n'a pas de modèle personnalisé : reprenez le bloc 15 (mlflow.pyfunc.logModel).`);
  }
  const environment = await environmentOf(model, artifacts);
  if (environment === null) return failed(`Le modèle ${model.artifactPath}/ n'a pas de fichier d'environnement (package.json).`);
  const code = await artifacts.readText(`${model.artifactPath}/${model.codeFile}`);
  const needed = importedPackages(parseLearnerCode(code ?? "", model.codeFile));
  const problems = pinningProblems(environment, needed);
  if (problems.length > 0) {
    return failed(`L'environnement du modèle ${model.artifactPath}/ n'épingle pas tout ce dont son code a besoin (${needed.join(", ")}).`, [
      ...problems,
      "Passez à mlflow.pyfunc.logModel l'option extraDependencies: { mlflow: mlflow.version }.",
    ]);
  }
  return passed(
    `Bravo : l'environnement du modèle (${model.artifactPath}/package.json) épingle ${needed.map((name) => `« ${name} »`).join(" et ")}, les paquets qu'importe ${model.codeFile}, à leur version exacte.`,
  );
};
