import { type BlocCheck, failed, newestExecutionRun, passed, tagOf } from "@/lib/server/checks/kit";

const REQUIRED_TAGS = ["engineering", "release.candidate", "release.version"];

/** Bloc 7: the newest finished run of the last execution carries the tags engineering, release.candidate and release.version. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'à mlflow.endRun().");
  const missing = REQUIRED_TAGS.filter((key) => !tagOf(run, key)?.trim());
  if (missing.length > 0) {
    return failed(`Votre dernier run terminé (${run.info.runName}) n'a pas ${missing.length === 1 ? "le tag" : "les tags"} ${missing.join(", ")}.`, [
      "Ajoutez-les avec await mlflow.setTags({ … }) avant mlflow.endRun().",
    ]);
  }
  const shown = REQUIRED_TAGS.map((key) => `${key}=${tagOf(run, key)}`).join(", ");
  return passed(`Bravo : le run ${run.info.runName} porte ${shown}.`);
};
