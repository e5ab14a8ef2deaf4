/** The MLflow REST API over the tracking store; route handlers call `handleMlflowRequest`. */
export { handleMlflowRequest } from "./dispatcher";
export { corsHeaders, errorResponse, errorToBody, jsonResponse, preflightResponse } from "./http";
