/**
 * MLflow's error contract, written once and shared by the server and the browser SDK.
 *
 * The server answers every failure with `{ "error_code": "...", "message": "..." }` and the HTTP
 * status MLflow associates with that code (mlflow/exceptions.py `ERROR_CODE_TO_HTTP_STATUS`).
 * This module must stay free of server imports: the SDK bundles it.
 */

/** The subset of `databricks_pb2.ErrorCode` names that MLflow maps to an HTTP status. */
export const ERROR_CODE_TO_HTTP_STATUS = {
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  REQUEST_LIMIT_EXCEEDED: 429,
  CANCELLED: 499,
  RESOURCE_EXHAUSTED: 429,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  RESOURCE_DOES_NOT_EXIST: 404,
  PERMISSION_DENIED: 403,
  CUSTOMER_UNAUTHORIZED: 401,
  UNAUTHENTICATED: 401,
  BAD_REQUEST: 400,
  MALFORMED_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  INVALID_PARAMETER_VALUE: 400,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODE_TO_HTTP_STATUS;

export const ERROR_CODES = Object.keys(ERROR_CODE_TO_HTTP_STATUS) as ErrorCode[];

/** MLflow's JSON error body. */
export interface ErrorBody {
  error_code: string;
  message: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODE_TO_HTTP_STATUS, value);
}

/** The HTTP status MLflow uses for a code; unknown codes are 500, as in MLflow. */
export function httpStatusForCode(code: string): number {
  return isErrorCode(code) ? ERROR_CODE_TO_HTTP_STATUS[code] : 500;
}

export interface TrackingErrorOptions {
  /**
   * Overrides the status derived from the code. Only for transport-level answers that MLflow's
   * server (Flask) gives with their own status, such as 405 for a known path with the wrong method.
   */
  httpStatus?: number;
  cause?: unknown;
}

/** A failure with one of MLflow's error codes: thrown by the store, the SDK and the REST layer alike. */
export class TrackingError extends Error {
  readonly errorCode: ErrorCode;
  readonly httpStatus: number;

  constructor(errorCode: ErrorCode, message: string, options: TrackingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TrackingError";
    this.errorCode = errorCode;
    this.httpStatus = options.httpStatus ?? ERROR_CODE_TO_HTTP_STATUS[errorCode];
  }

  toJSON(): ErrorBody {
    return { error_code: this.errorCode, message: this.message };
  }

  /** Rebuilds an error from a server's JSON body (what the SDK receives). */
  static fromBody(body: unknown, httpStatus: number): TrackingError {
    if (body !== null && typeof body === "object") {
      const { error_code: code, message } = body as Record<string, unknown>;
      if (typeof message === "string") {
        return new TrackingError(isErrorCode(code) ? code : "INTERNAL_ERROR", message, { httpStatus });
      }
    }
    return new TrackingError("INTERNAL_ERROR", `Unexpected response (HTTP ${httpStatus}).`, { httpStatus });
  }

  static invalidParameterValue(message: string): TrackingError {
    return new TrackingError("INVALID_PARAMETER_VALUE", message);
  }

  static resourceDoesNotExist(message: string): TrackingError {
    return new TrackingError("RESOURCE_DOES_NOT_EXIST", message);
  }

  static resourceAlreadyExists(message: string): TrackingError {
    return new TrackingError("RESOURCE_ALREADY_EXISTS", message);
  }
}

export function isTrackingError(error: unknown): error is TrackingError {
  return error instanceof TrackingError;
}
