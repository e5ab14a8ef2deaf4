import { parseJson } from "./call-endpoint";
import { MlflowException, TrackingServerUnreachable } from "./exceptions";

/**
 * One HTTP exchange with the tracking server, shared by the REST store and the artifact
 * repository: an unreachable server becomes `TrackingServerUnreachable`, a refusal an
 * `MlflowException` carrying MLflow's error code and message.
 */
export async function sendToServer(trackingUri: string, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    throw new TrackingServerUnreachable(trackingUri, cause);
  }
  if (!response.ok) throw await exceptionFromResponse(response);
  return response;
}

/** MLflow's `{ error_code, message }` body as an exception (or the raw text when there is none). */
export async function exceptionFromResponse(response: Response): Promise<MlflowException> {
  const text = await response.text();
  const record = parseJson(text) as { error_code?: unknown; message?: unknown } | undefined;
  const errorCode = typeof record?.error_code === "string" ? record.error_code : `HTTP_${response.status}`;
  const message = typeof record?.message === "string" ? record.message : text.slice(0, 500);
  return new MlflowException(errorCode, message, response.status);
}
