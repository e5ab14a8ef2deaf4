/**
 * The generic machinery of the MLflow REST API: routing, request reading, MLflow's error bodies,
 * CORS. Each surface (tracking, registry, artifacts…) brings its handlers; the composition root
 * (`lib/server/api`) puts them together.
 */
export { createRestDispatcher, type RestDispatcher, type SuccessObserver } from "./dispatcher";
export type { EndpointContext, ServerEndpoint, ServerEndpointTable } from "./endpoint";
export { corsHeaders, errorResponse, errorToBody, jsonResponse, preflightResponse } from "./http";
export { bodyTooLarge, missingParameter, parseWith, queryToObject, readJsonBody, type BodyLimit } from "./request";
export {
  BodyTooLargeError,
  DEFAULT_API_MAX_BODY_BYTES,
  byteLimitFromEnv,
  declaredLength,
  defaultApiMaxBodyBytes,
  readBodyWithin,
} from "./body";
