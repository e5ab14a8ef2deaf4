import { type BlocCheck, entrySource, failed, findCalls, parseLearnerCode, passed, printedRunIds } from "@/lib/server/checks/kit";
import type { Run } from "@/lib/server/tracking/entities";

/** Bloc 5: the same run id printed inside the run (activeRun) and after it (lastActiveRun); the last execution created that run and it is FINISHED. */
export const check: BlocCheck = async ({ tracking, output, code, runIds }) => {
  const file = parseLearnerCode(entrySource(code));
  const missing = ["activeRun", "lastActiveRun"].filter((name) => findCalls(file, name).length === 0);
  if (missing.length > 0) {
    return failed(`Votre code n'appelle pas ${missing.map((name) => `mlflow.${name}()`).join(" ni ")}.`, [
      "Affichez le run actif juste après startRun, et le dernier run actif après endRun.",
    ]);
  }
  const ids = printedRunIds(output);
  if (ids.length === 0) {
    return failed("Aucun identifiant de run dans la sortie de votre dernière exécution.", [
      "Affichez run?.info.runId pendant le run, puis lastRun?.info.runId après mlflow.endRun().",
    ]);
  }
  const runId = ids.at(-1)!;
  const run: Run | undefined = await tracking.getRun(runId).catch(() => undefined);
  if (!run) return failed(`Le run ${runId} affiché n'existe pas dans votre espace.`);
  if (!runIds.includes(runId)) {
    return failed(`Le run ${runId} affiché n'a pas été créé par votre dernière exécution.`, [
      "Affichez l'identifiant du run que votre script démarre, pas celui d'un run plus ancien.",
    ]);
  }
  if (ids.filter((id) => id === runId).length < 2) {
    return failed(`L'identifiant ${runId} n'apparaît qu'une fois dans la sortie.`, [
      "Affichez-le deux fois : pendant le run avec mlflow.activeRun(), après avec await mlflow.lastActiveRun().",
    ]);
  }
  if (run.info.status !== "FINISHED") {
    return failed(`Le run ${run.info.runName} est ${run.info.status}, pas FINISHED.`, ["Terminez-le avec await mlflow.endRun() avant d'appeler lastActiveRun()."]);
  }
  return passed(`Bravo : le run ${run.info.runName} (${runId}) était actif pendant l'entraînement, et il est bien terminé (FINISHED).`);
};
