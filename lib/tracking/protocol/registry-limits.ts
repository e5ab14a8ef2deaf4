/**
 * The model registry's validation rules and messages (mlflow/utils/validation.py and
 * mlflow/entities/model_registry/model_version_stages.py), shared by the server and the SDK.
 */
import { TrackingError } from "./errors";
import { MAX_ENTITY_KEY_LENGTH, validateKeyName, validateLengthLimit } from "./limits";
import { MODEL_VERSION_STAGES, type ModelVersionStage } from "./registry";

export const SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT = 100;
export const SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD = 1000;
export const SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT = 10_000;
export const SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD = 200_000;
export const MAX_REGISTERED_MODEL_ALIAS_LENGTH = 255;
export const MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH = 5000;

/** Stages a transition may archive the others of (`ACTIVE_STAGES`). */
export const ACTIVE_STAGES: readonly ModelVersionStage[] = ["Staging", "Production"];

/** `_validate_model_name`. */
export function validateModelName(name: string | null | undefined): asserts name is string {
  if (name === null || name === undefined || name.trim() === "") {
    throw TrackingError.invalidParameterValue("Registered model name cannot be empty.");
  }
}

/** `_validate_model_version`: a positive integer, as a string on the wire. */
export function validateModelVersionNumber(version: string): number {
  const number = /^\d{1,15}$/.test(version) ? Number(version) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    throw TrackingError.invalidParameterValue(`Parameter 'version' must be an integer, got '${version}'.`);
  }
  return number;
}

/** `_validate_model_alias_name`. */
export function validateModelAliasName(alias: string | null | undefined): asserts alias is string {
  if (alias === null || alias === undefined || alias === "") {
    throw TrackingError.invalidParameterValue("Registered model alias name cannot be empty.");
  }
  if (!/^[\p{L}\p{N}_-]*$/u.test(alias)) {
    throw TrackingError.invalidParameterValue(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    );
  }
  validateLengthLimit("Registered model alias name", MAX_REGISTERED_MODEL_ALIAS_LENGTH, alias);
  if (alias.toLowerCase() === "latest") {
    throw TrackingError.invalidParameterValue("'latest' alias name (case insensitive) is reserved.");
  }
  if (/^[vV]\d+$/.test(alias)) {
    throw TrackingError.invalidParameterValue(`Version alias name '${alias}' is reserved.`);
  }
}

/** `_validate_registered_model_tag` / `_validate_model_version_tag`. */
export function validateRegistryTag(key: string, value: string): void {
  validateKeyName("tag", key);
  validateLengthLimit("Tag key", MAX_ENTITY_KEY_LENGTH, key);
  validateLengthLimit("Tag value", MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH, value);
}

/** `get_canonical_stage`: stage names are case-insensitive. */
export function canonicalStage(stage: string): ModelVersionStage {
  const found = MODEL_VERSION_STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (!found) {
    throw TrackingError.invalidParameterValue(
      `Invalid Model Version stage: ${stage}. Value must be one of ${MODEL_VERSION_STAGES.join(", ")}.`,
    );
  }
  return found;
}

/** The registry searches' bound on `max_results`. */
export function validateRegistrySearchMaxResults(maxResults: number, threshold: number): void {
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw TrackingError.invalidParameterValue(
      `Invalid value for request parameter max_results. It must be a positive integer, but got ${maxResults}`,
    );
  }
  if (maxResults > threshold) {
    throw TrackingError.invalidParameterValue(
      `Invalid value for request parameter max_results. It must be at most ${threshold}, but got value ${maxResults}`,
    );
  }
}
