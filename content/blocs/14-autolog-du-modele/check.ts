import {
  type BlocCheck,
  calleeText,
  entrySource,
  failed,
  findCalls,
  newestExecutionRun,
  paramOf,
  parseLearnerCode,
  passed,
  RunArtifacts,
} from "@/lib/server/checks/kit";

/** The calls autologging replaces: the code of this bloc keeps none of them. */
const MANUAL_LOG_CALLS = ["logParam", "logParams", "logMetric", "logMetrics", "logModel"];
/** A hyperparameter only autologging records (the lessons never log it by hand). */
const AUTOLOGGED_PARAM = "max_iter";
const MODEL_FILE = "model/MLmodel";

/**
 * Bloc 14: the code calls mlflow.sklearn.autolog() before the first fit and keeps no manual log
 * call (read on the syntax tree), and the newest finished run of the last execution holds the
 * autologged params, training_* metrics and model.
 */
export const check: BlocCheck = async ({ tracking, code, runIds }) => {
  const file = parseLearnerCode(entrySource(code));
  const autolog = findCalls(file, "autolog")[0];
  if (!autolog) return failed("Votre code n'appelle pas mlflow.sklearn.autolog().", ["Ajoutez mlflow.sklearn.autolog(); dans le run, avant l'entraînement (fit)."]);
  if (calleeText(autolog) !== "mlflow.sklearn.autolog") {
    return failed(`Ligne ${autolog.line}, vous appelez ${calleeText(autolog)}() : ce bloc utilise l'autolog propre au modèle, mlflow.sklearn.autolog().`);
  }
  const firstFit = findCalls(file, "fit")[0];
  if (firstFit && firstFit.position < autolog.position) {
    return failed(`mlflow.sklearn.autolog() (ligne ${autolog.line}) arrive après l'entraînement (ligne ${firstFit.line}).`, [
      "L'autolog n'enregistre que les fit() qui le suivent : appelez-le avant.",
    ]);
  }
  const manual = MANUAL_LOG_CALLS.flatMap((name) => findCalls(file, name)).sort((a, b) => a.position - b.position);
  if (manual.length > 0) {
    return failed("Votre code enregistre encore à la main ce que l'autolog enregistre déjà.", [
      ...manual.map((call) => `Ligne ${call.line} : supprimez ${calleeText(call)}(…).`),
    ]);
  }
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const missing: string[] = [];
  if (paramOf(run, AUTOLOGGED_PARAM) === undefined) missing.push(`pas de paramètre ${AUTOLOGGED_PARAM}`);
  if (!run.data.metrics.some((metric) => metric.key.startsWith("training_"))) missing.push("aucune métrique training_*");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const files = artifacts ? await artifacts.files("model") : [];
  if (!files.includes(MODEL_FILE)) missing.push(`pas de modèle (${MODEL_FILE})`);
  if (missing.length > 0) {
    return failed(`Votre dernier run terminé (« ${run.info.runName} ») n'a pas été enregistré par l'autolog : ${missing.join(", ")}.`, [
      "Exécutez le script après avoir ajouté mlflow.sklearn.autolog(), puis vérifiez à nouveau.",
    ]);
  }
  const training = run.data.metrics.filter((metric) => metric.key.startsWith("training_")).length;
  return passed(
    `Bravo : sans un seul appel de log à la main, le run « ${run.info.runName} » a reçu ${run.data.params.length} paramètres, ${training} métriques training_* et le modèle (${MODEL_FILE}).`,
  );
};
