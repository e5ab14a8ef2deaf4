import { type BlocCheck, failed, newestExecutionRun, passed, RunArtifacts } from "@/lib/server/checks/kit";

/** Bloc 6: the newest finished run of the last execution holds a folder of at least 2 files, readable from the server. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'à mlflow.endRun().");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const files = artifacts ? await artifacts.files() : [];
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const slash = file.lastIndexOf("/");
    if (slash === -1) continue;
    const folder = file.slice(0, slash);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const folder = [...byFolder.entries()].find(([, inside]) => inside.length >= 2);
  if (!artifacts || !folder) {
    return failed(`Votre dernier run terminé (${run.info.runName}) n'a pas de dossier d'artefacts contenant au moins 2 fichiers.`, [
      files.length > 0 ? `Artefacts trouvés : ${files.join(", ")}.` : "Ce run n'a aucun artefact.",
      'Écrivez data/train.csv et data/test.csv, puis await mlflow.logArtifacts("data", "data") avant mlflow.endRun().',
    ]);
  }
  const [name, inside] = folder;
  for (const file of inside) {
    const text = await artifacts.readText(file);
    if (!text) return failed(`L'artefact ${file} est vide.`, ["Vérifiez ce que votre script écrit dans ce fichier avant de le logger."]);
  }
  return passed(`Bravo : le dossier ${name}/ du run ${run.info.runName} contient ${inside.length} fichiers (${inside.join(", ")}), téléchargeables.`);
};
