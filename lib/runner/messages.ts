import type { RunOutcome } from "./types";

/**
 * What the lesson's runner says to the learner, in French: in the console (system lines) and
 * under the editor. The reasons for choosing a runtime are `decideRuntime`'s
 * (runtime-selection.ts); the errors of learner code are the module system's.
 */

export type SystemTone = "info" | "success" | "warning";

export interface SystemMessage {
  tone: SystemTone;
  text: string;
}

/** Said in the console when a run waits for the WebContainer the learner chose. */
export const WAITING_FOR_WEBCONTAINER = "Démarrage du WebContainer (Node.js dans le navigateur)…";

/** The reason of a worker run when the WebContainer could not be waited for (the run was stopped meanwhile). */
export const RUNNING_IN_WORKER = "Exécution dans le bac à sable du navigateur.";

/** Under the editor, before the first run, when that run will wait for the WebContainer. */
export const WEBCONTAINER_STARTS_ON_FIRST_RUN = "Le WebContainer démarrera à la première exécution.";

/** The runtime itself failed (not the learner's code). */
export function runtimeFailed(message: string): string {
  return `L'environnement d'exécution a échoué : ${message}`;
}

/** The SDK and kit packages a WebContainer mounts could not be fetched. */
export function runtimePackagesMissing(httpStatus: number): string {
  return `Paquets du SDK introuvables (HTTP ${httpStatus}).`;
}

/** The console's last line: how the run ended. */
export function outcomeMessage(outcome: RunOutcome, elapsedMs: number): SystemMessage {
  const seconds = (elapsedMs / 1000).toFixed(1).replace(".", ",");
  switch (outcome.status) {
    case "succeeded":
      return { tone: "success", text: `Exécution terminée en ${seconds} s.` };
    case "failed":
      return { tone: "warning", text: "L'exécution s'est arrêtée sur une erreur (voir ci-dessus)." };
    case "timed-out":
      return {
        tone: "warning",
        text: `Arrêt automatique : le code tournait depuis plus de ${Math.round(outcome.timeoutMs / 1000)} s (boucle infinie ?). Corrigez-le puis relancez.`,
      };
    case "stopped":
      return { tone: "info", text: "Exécution arrêtée à votre demande." };
  }
}
