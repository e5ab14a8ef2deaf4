import type { Execution, Verdict } from "@/lib/course/check-contract";

/**
 * What every bloc's check is preceded by: the learner's last execution must have run to its
 * end. A check judges that execution's evidence (its output, its runs); an execution that threw,
 * was stopped or reached the time limit produced half of it, and whatever the workspace holds
 * from earlier executions is no evidence of this one, so such a verdict never passes and says
 * why, with the error that ended it.
 *
 * No execution at all (the page was just loaded, or the caller sent none) also fails: every bloc
 * of the course judges what running its code produced (the output, the runs), so even a check
 * that reads mostly code, such as bloc 3's or bloc 10's, would otherwise pass on code that was
 * never run, or on runs a previous page load left. A future bloc whose check truly needs nothing
 * but the code would still be better served by "run it, then check": the code it judges is then
 * code that at least runs.
 */
export function executionVerdict(execution: Execution | undefined): Verdict | undefined {
  if (!execution) {
    return {
      passed: false,
      message: "Exécutez votre code, puis vérifiez.",
      details: ["La vérification juge votre dernière exécution dans cette page (sa sortie et ses runs) : lancez « Exécuter » d'abord."],
    };
  }
  switch (execution.status) {
    case "succeeded":
      return undefined;
    case "failed":
      return {
        passed: false,
        message: "Votre dernière exécution s'est arrêtée sur une erreur : elle ne peut pas valider le bloc.",
        details: [
          ...(execution.error ? [`${describeError(execution.error)}.`] : []),
          "Les runs qu'elle laissait ouverts sont terminés en FAILED. Corrigez l'erreur, exécutez à nouveau, puis vérifiez.",
        ],
      };
    case "timed-out": {
      const limit = execution.timeoutMs ? ` (${Math.round(execution.timeoutMs / 1000)} s)` : "";
      return {
        passed: false,
        message: `Votre dernière exécution a été arrêtée par la limite de temps${limit} : elle ne peut pas valider le bloc.`,
        details: [
          "Le code tournait encore (une boucle infinie ?) ; les runs qu'il laissait ouverts sont terminés en KILLED.",
          "Corrigez-le pour qu'il se termine, exécutez à nouveau, puis vérifiez.",
        ],
      };
    }
    case "stopped":
      return {
        passed: false,
        message: "Vous avez arrêté votre dernière exécution avant la fin : elle ne peut pas valider le bloc.",
        details: ["Les runs qu'elle laissait ouverts sont terminés en KILLED. Exécutez votre code jusqu'au bout, puis vérifiez."],
      };
  }
}

/** `ReferenceError : x is not defined (main.ts, ligne 3)`, as the console shows it. */
function describeError(error: NonNullable<Execution["error"]>): string {
  const where = error.location ? ` (${error.location.file}, ligne ${error.location.line})` : "";
  return `${error.name} : ${error.message.replace(/[.\s]+$/, "")}${where}`;
}
