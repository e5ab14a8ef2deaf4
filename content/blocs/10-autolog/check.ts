import { type BlocCheck, entrySource, failed, findCalls, newestExecutionRun, paramOf, parseLearnerCode, passed, RunArtifacts } from "@/lib/server/checks/kit";

/** A hyperparameter only autologging records (the lessons never log it by hand). */
const AUTOLOGGED_PARAM = "max_iter";
const MODEL_FILE = "model/MLmodel";

/** Bloc 10: autolog is on before the first fit, and the newest finished run of the last execution has autologged params, training_* metrics and the model. */
export const check: BlocCheck = async ({ tracking, code, runIds }) => {
  const file = parseLearnerCode(entrySource(code));
  const autolog = findCalls(file, "autolog")[0];
  if (!autolog) return failed("Votre code n'appelle pas mlflow.autolog().", ["Ajoutez mlflow.autolog(); avant le premier entraînement (fit)."]);
  const firstFit = findCalls(file, "fit")[0];
  if (firstFit && firstFit.position < autolog.position) {
    return failed(`mlflow.autolog() (ligne ${autolog.line}) arrive après le premier entraînement (ligne ${firstFit.line}).`, [
      "L'autolog n'enregistre que les fit() qui le suivent : appelez-le avant.",
    ]);
  }
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const missing: string[] = [];
  if (!run.data.metrics.some((metric) => metric.key.startsWith("training_"))) missing.push("aucune métrique training_*");
  if (paramOf(run, AUTOLOGGED_PARAM) === undefined) missing.push(`pas de paramètre ${AUTOLOGGED_PARAM}`);
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const files = artifacts ? await artifacts.files("model") : [];
  if (!files.includes(MODEL_FILE)) missing.push(`pas de modèle (${MODEL_FILE})`);
  if (missing.length > 0) {
    return failed(`Votre dernier run terminé (${run.info.runName}) n'a pas été enregistré par l'autolog : ${missing.join(", ")}.`, [
      "Exécutez le script après avoir ajouté mlflow.autolog(), puis vérifiez à nouveau.",
    ]);
  }
  const training = run.data.metrics.filter((metric) => metric.key.startsWith("training_")).length;
  return passed(`Bravo : l'autolog a enregistré ${run.data.params.length} paramètres, ${training} métriques training_* et le modèle dans le run « ${run.info.runName} ».`);
};
