/**
 * Reading a request the way MLflow's handlers do (`_get_request_message`): GET from the query
 * string (repeated keys for list fields, everything else as a single string), other methods from a
 * JSON body (empty body = `{}`, a double-encoded JSON string is decoded again). Then the endpoint's
 * zod schema, with MLflow's wording for what is missing or invalid.
 */
import type { z } from "zod";
import { TrackingError } from "@/lib/tracking/protocol";
import { BodyTooLargeError, defaultApiMaxBodyBytes, readBodyWithin } from "./body";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The def of a zod 4 schema, enough to see through optional/default/pipe wrappers. */
interface ZodDefLike {
  type: string;
  innerType?: { _zod: { def: ZodDefLike } };
  in?: { _zod: { def: ZodDefLike } };
  shape?: Record<string, { _zod: { def: ZodDefLike } }>;
}

function defOf(schema: unknown): ZodDefLike | undefined {
  return (schema as { _zod?: { def?: ZodDefLike } })?._zod?.def;
}

/** Whether a field's schema is a list, once optional/default/nullable/pipe wrappers are removed. */
function isListField(schema: unknown): boolean {
  let def = defOf(schema);
  while (def) {
    if (def.type === "array") return true;
    const next = def.innerType ?? def.in;
    def = next ? next._zod.def : undefined;
  }
  return false;
}

/** The object shape behind a request schema (through pipes/wrappers), if any. */
function shapeOf(schema: z.ZodType): Record<string, unknown> {
  let def = defOf(schema);
  while (def) {
    if (def.type === "object" && def.shape) return def.shape;
    const next = def.innerType ?? def.in;
    def = next ? next._zod.def : undefined;
  }
  return {};
}

/** GET: the schema's fields from the query string; lists from repeated keys (`?experiment_ids=1&experiment_ids=2`). */
export function queryToObject(params: URLSearchParams, schema: z.ZodType): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [field, fieldSchema] of Object.entries(shapeOf(schema))) {
    if (!params.has(field)) continue;
    out[field] = isListField(fieldSchema) ? params.getAll(field) : (params.get(field) ?? "");
  }
  return out;
}

export interface BodyLimit {
  /** The most bytes this endpoint reads; the default (`CUVEE_API_MAX_BODY_BYTES`) when absent. */
  maxBytes?: number;
  /**
   * Sees the body's size when it is over `maxBytes`, and may throw the endpoint's own refusal
   * (log-batch's, in MLflow's words); otherwise the generic one is answered.
   */
  checkSize?: (bytes: number) => void;
}

/** The generic refusal of a body over its ceiling: MLflow's code for an oversized request, HTTP's 413. */
export function bodyTooLarge(error: BodyTooLargeError): TrackingError {
  const size = error.sizeIsExact ? `${error.size}` : `more than ${error.limit}`;
  return new TrackingError(
    "INVALID_PARAMETER_VALUE",
    `Request bodies must be at most ${error.limit} bytes, got a request of size ${size}.`,
    // Flask answers 413 to a body over MAX_CONTENT_LENGTH; MLflow's clients do not retry it.
    { httpStatus: 413 },
  );
}

/**
 * A JSON body (`{}` when empty), read under the endpoint's ceiling: reading stops as soon as the
 * body is known to be over it, so a 100 MB post costs at most the ceiling in memory.
 */
export async function readJsonBody(request: Request, limit: BodyLimit = {}): Promise<Record<string, Json>> {
  let bytes: Uint8Array;
  try {
    bytes = await readBodyWithin(request, limit.maxBytes ?? defaultApiMaxBodyBytes());
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    limit.checkSize?.(error.size);
    throw bodyTooLarge(error);
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return {};
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
    // Older clients post their JSON double-encoded as a string (MLflow decodes it again).
    if (typeof parsed === "string") parsed = JSON.parse(parsed) as Json;
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : "";
    throw new TrackingError("BAD_REQUEST", `Malformed JSON request body${detail}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new TrackingError("BAD_REQUEST", "The request body must be a JSON object");
  }
  return parsed;
}

/** MLflow prints paths like `metrics[0].key`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out === "" ? String(part) : `${out}.${String(part)}`;
  }, "");
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Python's name for a JSON value's type, as MLflow's hints print it. */
function pythonTypeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  switch (typeof value) {
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "object":
      return "dict";
    default:
      return typeof value;
  }
}

const API_DOCS_HINT = " See the API docs for more information about request parameters.";

export function missingParameter(name: string): TrackingError {
  return TrackingError.invalidParameterValue(`Missing value for required parameter '${name}'.${API_DOCS_HINT}`);
}

/** Validates against the endpoint's schema; the first problem is reported as MLflow would. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw TrackingError.invalidParameterValue(`Invalid request.${API_DOCS_HINT}`);
  const path = formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  const emptyRequired = issue.code === "too_small" && value === "";
  if (value === undefined || value === null || emptyRequired) throw missingParameter(path);
  throw TrackingError.invalidParameterValue(
    `Invalid value ${JSON.stringify(value)} for parameter '${path}' supplied. ` +
      `Hint: Value was of type '${pythonTypeName(value)}'.${API_DOCS_HINT}`,
  );
}
