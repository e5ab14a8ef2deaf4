/**
 * MLflow's validation limits and messages (mlflow/utils/validation.py), in one place.
 *
 * The store calls these validators (it is the authority, whatever the caller), and the SDK may call
 * them to fail early in the browser. Messages are MLflow's, so that what a learner reads matches
 * what MLflow itself would say.
 */
import { TrackingError } from "./errors";

export const MAX_ENTITY_KEY_LENGTH = 250;
export const MAX_PARAM_VAL_LENGTH = 6000;
export const MAX_TAG_VAL_LENGTH = 5000;
export const MAX_EXPERIMENT_NAME_LENGTH = 500;
export const MAX_EXPERIMENT_TAG_KEY_LENGTH = 250;
export const MAX_EXPERIMENT_TAG_VAL_LENGTH = 5000;
export const MAX_PARAMS_TAGS_PER_BATCH = 100;
export const MAX_METRICS_PER_BATCH = 1000;
export const MAX_ENTITIES_PER_BATCH = 1000;
/** Bytes of the raw JSON body of a log-batch request. */
export const MAX_BATCH_LOG_REQUEST_SIZE = 1_000_000;
/** search-runs and search-experiments (mlflow/store/tracking SEARCH_MAX_RESULTS_THRESHOLD). */
export const SEARCH_MAX_RESULTS_THRESHOLD = 50_000;
export const SEARCH_MAX_RESULTS_DEFAULT = 1000;

/**
 * Python's `^[/\w.\- ]*$`: in Python 3, `\w` is Unicode-aware (letters and digits of any script),
 * so `précision` is a valid key. JavaScript's `\w` is ASCII-only, hence the property escapes.
 */
const VALID_KEY = /^[/\p{L}\p{N}_.\- ]*$/u;
const RUN_ID = /^[a-zA-Z0-9][\w-]{0,255}$/;

const BAD_CHARACTERS_MESSAGE =
  "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).";
const MISSING_KEY_NAME_MESSAGE = "A key name must be provided.";

/** Python's `posixpath.normpath`, which MLflow uses to reject keys that would alias as paths. */
export function posixNormpath(path: string): string {
  if (path === "") return ".";
  let initialSlashes = path.startsWith("/") ? 1 : 0;
  // POSIX allows one or two initial slashes, but treats three or more as a single slash.
  if (initialSlashes && path.startsWith("//") && !path.startsWith("///")) initialSlashes = 2;
  const parts: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (!initialSlashes && parts.length === 0) || parts.at(-1) === "..") {
      parts.push(comp);
    } else if (parts.length > 0) {
      parts.pop();
    }
  }
  const joined = "/".repeat(initialSlashes) + parts.join("/");
  return joined === "" ? "." : joined;
}

function pathNotUnique(name: string): boolean {
  // Without a slash a name normalises to itself ("." and ".." aside): the common case, checked
  // without splitting (a log-batch checks 1000 names).
  if (name !== "" && !name.includes("/")) return name === "." || name.startsWith("..");
  const norm = posixNormpath(name);
  return norm !== name || norm === "." || norm.startsWith("..") || norm.startsWith("/");
}

function badPathMessage(name: string): string {
  return (
    "Names may be treated as files in certain cases, and must not resolve to other names" +
    ` when treated as such. This name would resolve to '${posixNormpath(name)}'`
  );
}

type KeyKind = "metric" | "parameter" | "tag";
const KIND_LABEL: Record<KeyKind, string> = { metric: "Metric", parameter: "Parameter", tag: "Tag" };

/** `_validate_metric_name`, `_validate_param_name`, `_validate_tag_name`. */
export function validateKeyName(kind: KeyKind, name: string | null | undefined): asserts name is string {
  if (name === null || name === undefined) {
    throw TrackingError.invalidParameterValue(`${KIND_LABEL[kind]} name cannot be None. ${MISSING_KEY_NAME_MESSAGE}`);
  }
  if (!VALID_KEY.test(name)) {
    throw TrackingError.invalidParameterValue(`Invalid ${kind} name: '${name}'. ${BAD_CHARACTERS_MESSAGE}`);
  }
  if (pathNotUnique(name)) {
    throw TrackingError.invalidParameterValue(`Invalid ${kind} name: '${name}'. ${badPathMessage(name)}`);
  }
}

/** `_validate_length_limit` (without MLflow's opt-in truncation). */
export function validateLengthLimit(entityName: string, limit: number, value: string | null | undefined): void {
  if (value === null || value === undefined || value.length <= limit) return;
  throw TrackingError.invalidParameterValue(
    `${entityName} '${value.slice(0, 250)}' had length ${value.length}, which exceeded length limit of ${limit}`,
  );
}

export interface MetricLike {
  key: string;
  value: number;
  timestamp: number;
  /** Absent means 0, as in protobuf. */
  step?: number;
}

/** `_validate_metric`. */
export function validateMetric(metric: MetricLike): void {
  const { key, value, timestamp, step = 0 } = metric;
  validateKeyName("metric", key);
  if (typeof value !== "number") {
    throw TrackingError.invalidParameterValue(
      `Got invalid value ${String(value)} for metric '${key}' (timestamp=${timestamp}). ` +
        "Please specify value as a valid double (64-bit floating point)",
    );
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw TrackingError.invalidParameterValue(
      `Got invalid timestamp ${String(timestamp)} for metric '${key}' (value=${value}). ` +
        "Timestamp must be a nonnegative long (64-bit integer) ",
    );
  }
  if (!Number.isSafeInteger(step)) {
    throw TrackingError.invalidParameterValue(
      `Got invalid step ${String(step)} for metric '${key}' (value=${value}). ` +
        "Step must be a valid long (64-bit integer).",
    );
  }
  validateLengthLimit("Metric name", MAX_ENTITY_KEY_LENGTH, key);
}

/** `_validate_param`. */
export function validateParam(key: string, value: string): void {
  validateKeyName("parameter", key);
  validateLengthLimit("Param key", MAX_ENTITY_KEY_LENGTH, key);
  validateLengthLimit("Param value", MAX_PARAM_VAL_LENGTH, value);
}

/** `_validate_tag` (run tags). */
export function validateTag(key: string, value: string): void {
  validateKeyName("tag", key);
  validateLengthLimit("Tag key", MAX_ENTITY_KEY_LENGTH, key);
  validateLengthLimit("Tag value", MAX_TAG_VAL_LENGTH, value);
}

/** `_validate_experiment_tag`. */
export function validateExperimentTag(key: string, value: string): void {
  validateKeyName("tag", key);
  validateLengthLimit("Tag key", MAX_EXPERIMENT_TAG_KEY_LENGTH, key);
  validateLengthLimit("Tag value", MAX_EXPERIMENT_TAG_VAL_LENGTH, value);
}

/** `_validate_experiment_name`. */
export function validateExperimentName(name: string | null | undefined): asserts name is string {
  if (name === null || name === undefined || name === "") {
    throw TrackingError.invalidParameterValue(`Invalid experiment name: '${name ?? "None"}'`);
  }
  if (name.length > MAX_EXPERIMENT_NAME_LENGTH) {
    throw TrackingError.invalidParameterValue(
      `Experiment name exceeds the maximum length of ${MAX_EXPERIMENT_NAME_LENGTH} characters`,
    );
  }
}

/** `_validate_run_id`. */
export function validateRunId(runId: string): void {
  if (!RUN_ID.test(runId)) throw TrackingError.invalidParameterValue(`Invalid run ID: '${runId}'`);
}

function validateBatchLimit(entityName: string, limit: number, length: number): void {
  if (length <= limit) return;
  throw TrackingError.invalidParameterValue(
    `A batch logging request can contain at most ${limit} ${entityName}. ` +
      `Got ${length} ${entityName}. Please split up ${entityName} across multiple requests and try again.`,
  );
}

/** `_validate_batch_log_limits`. */
export function validateBatchLogLimits(counts: { metrics: number; params: number; tags: number }): void {
  validateBatchLimit("metrics", MAX_METRICS_PER_BATCH, counts.metrics);
  validateBatchLimit("params", MAX_PARAMS_TAGS_PER_BATCH, counts.params);
  validateBatchLimit("tags", MAX_PARAMS_TAGS_PER_BATCH, counts.tags);
  validateBatchLimit(
    "metrics, params, and tags",
    MAX_ENTITIES_PER_BATCH,
    counts.metrics + counts.params + counts.tags,
  );
}

/**
 * Tags one create request (experiment, run, registered model, model version) may carry. MLflow
 * sets no bound there, but a request with 50 000 tags makes every later search of its workspace
 * heavy; Cuvée uses the bound MLflow puts on tags in one log-batch request, the same data in one
 * request. More tags can still be set afterwards, one request each.
 */
export const MAX_TAGS_PER_CREATE_REQUEST = MAX_PARAMS_TAGS_PER_BATCH;

/** The tag count of a create request, in the words of `_validate_batch_limit`. */
export function validateCreateTagCount(entityName: string, count: number): void {
  if (count <= MAX_TAGS_PER_CREATE_REQUEST) return;
  throw TrackingError.invalidParameterValue(
    `A request to create ${/^[aeiou]/.test(entityName) ? "an" : "a"} ${entityName} can contain at most ${MAX_TAGS_PER_CREATE_REQUEST} tags. ` +
      `Got ${count} tags. Please set the other tags with separate requests once it is created.`,
  );
}

/** `_validate_param_keys_unique`. */
export function validateParamKeysUnique(params: readonly { key: string }[]): void {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const { key } of params) {
    if (seen.has(key)) dupes.push(key);
    else seen.add(key);
  }
  if (dupes.length > 0) {
    throw TrackingError.invalidParameterValue(
      `Duplicate parameter keys have been submitted: ${pythonList(dupes)}. Please ensure ` +
        "the request contains only one param value per param key.",
    );
  }
}

/** `_validate_batch_log_api_req`: the raw body size, checked before parsing. */
export function validateBatchLogRequestSize(sizeInBytes: number): void {
  if (sizeInBytes <= MAX_BATCH_LOG_REQUEST_SIZE) return;
  throw TrackingError.invalidParameterValue(
    `Batched logging API requests must be at most ${MAX_BATCH_LOG_REQUEST_SIZE} bytes, got a request of size ${sizeInBytes}.`,
  );
}

/** The search endpoints' bound on `max_results`. */
export function validateSearchMaxResults(maxResults: number): void {
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    throw TrackingError.invalidParameterValue(
      `Invalid value for request parameter max_results. It must be a positive integer, but got ${maxResults}`,
    );
  }
  if (maxResults > SEARCH_MAX_RESULTS_THRESHOLD) {
    throw TrackingError.invalidParameterValue(
      "Invalid value for request parameter max_results. It must be at most " +
        `${SEARCH_MAX_RESULTS_THRESHOLD}, but got value ${maxResults}`,
    );
  }
}

/** Python's repr of a list of strings, as MLflow's messages print them: `['a', 'b']`. */
export function pythonList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(", ")}]`;
}
