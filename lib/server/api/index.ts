/**
 * The composition root of the server's HTTP APIs, what the route handlers under `app/` call. It
 * alone knows every surface (tracking, registry, artifacts) and the workspaces they are bound to.
 */
export { handleArtifactRequest } from "./artifacts";
export { handleChangesRequest } from "./changes";
export { handleMlflowRequest } from "./mlflow";
