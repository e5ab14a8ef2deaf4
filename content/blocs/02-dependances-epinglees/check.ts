import { type BlocCheck, entrySource, failed, importedPackages, newestExecutionRun, parseLearnerCode, passed, pinningProblems, PLATFORM_PACKAGES, RunArtifacts } from "@/lib/server/checks/kit";

const MANIFEST = "package.json";

/** Bloc 2: the newest finished run of the last execution holds `package.json`, every imported package pinned to the platform's exact version. */
export const check: BlocCheck = async ({ tracking, code, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'à mlflow.endRun().");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const manifest = artifacts ? await artifacts.readText(MANIFEST) : null;
  if (manifest === null) {
    return failed(`Votre dernier run terminé (${run.info.runName}) n'a pas d'artefact ${MANIFEST}.`, [
      `Écrivez le fichier avec writeFile("${MANIFEST}", …), puis enregistrez-le avec await mlflow.logArtifact("${MANIFEST}") avant mlflow.endRun().`,
    ]);
  }
  const source = entrySource(code);
  const imported = source === "" ? Object.keys(PLATFORM_PACKAGES) : importedPackages(parseLearnerCode(source));
  const problems = pinningProblems(manifest, imported);
  if (problems.length > 0) return failed(`Le ${MANIFEST} de votre dernier run n'épingle pas toutes vos dépendances.`, problems);
  return passed(`Bravo : ${imported.join(" et ")} sont épinglés à leur version exacte, et ${MANIFEST} est rangé dans le run ${run.info.runName}.`);
};
