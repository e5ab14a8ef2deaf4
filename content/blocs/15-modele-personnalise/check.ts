import { type BlocCheck, customModelsOf, failed, newestExecutionRun, passed, RunArtifacts } from "@/lib/server/checks/kit";

/**
 * Bloc 15: the newest finished run of the last execution logged a custom model (generic flavor,
 * stored as code), whose folder holds its code file and at least one artifact it was given.
 */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const model = artifacts ? (await customModelsOf(run, artifacts))[0] : undefined;
  if (!artifacts || !model) {
    return failed(`Votre dernier run terminé (« ${run.info.runName} ») n'a pas de modèle personnalisé.`, [
      'Dans le run, appelez await mlflow.pyfunc.logModel({ artifactPath: "sklearn_pyfunc_model", pythonModel: "sklearn-wrapper.ts", artifacts: { sklearn_model: modelPath } }).',
    ]);
  }
  const files = await artifacts.files(model.artifactPath);
  const missing: string[] = [];
  if (!files.includes(`${model.artifactPath}/${model.codeFile}`)) missing.push(`Le code du modèle (${model.codeFile}) n'est pas dans ${model.artifactPath}/.`);
  const names = Object.keys(model.artifacts);
  if (names.length === 0) {
    missing.push("Le modèle n'a reçu aucun artefact : passez { artifacts: { sklearn_model: modelPath } }, le dossier où vous avez sauvegardé le modèle entraîné.");
  }
  for (const [name, path] of Object.entries(model.artifacts)) {
    const prefix = `${model.artifactPath}/${path}`;
    if (!files.some((file) => file === prefix || file.startsWith(`${prefix}/`))) missing.push(`L'artefact ${name} (${path}) n'est pas dans ${model.artifactPath}/.`);
  }
  if (missing.length > 0) return failed(`Le modèle personnalisé de votre dernier run (« ${run.info.runName} ») est incomplet.`, missing);
  return passed(
    `Bravo : le run « ${run.info.runName} » contient le modèle personnalisé ${model.artifactPath}/, avec son code (${model.codeFile}) et son artefact ${names.join(", ")}, chargeable par mlflow.pyfunc.loadModel.`,
  );
};
