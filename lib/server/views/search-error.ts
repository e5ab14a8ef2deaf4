/**
 * Search errors as the UI shows them: a bad filter or order is the learner's to fix, so it
 * becomes a French message (with MLflow's own words kept for precision); anything else is a bug
 * and is rethrown.
 */
import { TrackingError } from "@/lib/tracking/protocol";

export interface SearchProblem {
  /** French, for the learner. */
  message: string;
  /** MLflow's message, as its server would answer. */
  detail: string;
}

export function searchProblem(error: unknown, what: "filtre" | "tri"): SearchProblem {
  if (error instanceof TrackingError && error.errorCode === "INVALID_PARAMETER_VALUE") {
    const message =
      what === "filtre"
        ? "Ce filtre n'est pas une recherche MLflow valide. Exemple : metrics.rmse < 0.8 and params.alpha = '0.5' (les valeurs des params et des tags entre apostrophes)."
        : "Ce tri n'est pas valide.";
    return { message, detail: error.message };
  }
  throw error;
}
