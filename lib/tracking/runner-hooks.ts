/**
 * What runners (never learner code) call around a script: configure the SDK for the learner's
 * workspace before it starts, and flush and close runs after it ends.
 */
export { setRuntimeDefaultTrackingUri, resetTrackingUri } from "./config";
export { setRuntimeContext } from "./runtime-context";
export { finishScript, resetFluentState } from "./fluent";
export { resetAutolog } from "./autolog";
export { onRunCreated, onRunEnded } from "./script-runs";
