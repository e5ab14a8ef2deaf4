import { frenchMessageFor } from "./french-messages";

/**
 * The error learner code sees when the tracking server refuses a request (like Python's
 * `mlflow.exceptions.MlflowException`). The message is in French and ends with MLflow's error
 * code, which learners will search for; `serverMessage` keeps MLflow's original English text.
 */
export class MlflowException extends Error {
  override readonly name: string = "MlflowException";

  constructor(
    readonly errorCode: string,
    readonly serverMessage: string,
    readonly httpStatus?: number,
    /** The French explanation, when the SDK itself raises the error (no server message to translate). */
    frenchMessage?: string,
  ) {
    super(`${frenchMessage ?? frenchMessageFor(errorCode, serverMessage)} (${errorCode})`);
  }

  /**
   * An error the SDK raises itself, before or without a request, as MLflow's Python client does:
   * MLflow's code and English message, and a French explanation for the learner.
   */
  static local(errorCode: string, englishMessage: string, frenchMessage: string): MlflowException {
    return new MlflowException(errorCode, englishMessage, undefined, frenchMessage);
  }
}

/** The server could not be reached at all (wrong URI, server stopped, offline). */
export class TrackingServerUnreachable extends Error {
  override readonly name = "TrackingServerUnreachable";

  constructor(readonly uri: string, cause: unknown) {
    super(
      `Impossible de joindre le serveur de suivi à ${uri}. Vérifiez l'URI (mlflow.getTrackingUri()) et que le serveur est démarré.`,
      { cause },
    );
  }
}
