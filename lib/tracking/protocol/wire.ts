/**
 * Zod building blocks for MLflow's JSON wire format (protobuf JSON with snake_case names).
 *
 * MLflow parses requests with protobuf's `ParseDict`, which is lenient: int64 fields accept numbers
 * or numeric strings, doubles accept "NaN"/"Infinity"/"-Infinity", enums accept names or numbers,
 * and `experiment_id` may arrive as a number from old clients. These schemas accept the same and
 * output one canonical form. Responses use the same schemas, so the SDK parses whatever a real
 * MLflow server (int64 as numbers since MLflow 1.x) or ours sends.
 */
import { z } from "zod";

const INTEGER_STRING = /^-?\d+$/;

/**
 * int64: a safe integer, sent as a JSON number or a numeric string. Only the string form goes
 * through a transform: a log-batch carries 2000 int64s, and a union whose every branch transforms
 * allocated ~1 KB per metric, which the server then spent collecting (bench/ingest).
 */
export const int64 = z.union([
  z.int(),
  z.string().transform((value, ctx) => {
    const n = INTEGER_STRING.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n)) {
      ctx.addIssue({ code: "custom", message: "Expected a 64-bit integer" });
      return z.NEVER;
    }
    return n;
  }),
]);

const SPECIAL_DOUBLES: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** double: a JSON number, or protobuf JSON's "NaN" / "Infinity" / "-Infinity" (or a numeric string). */
export const double = z.union([
  z.number(),
  z.string().transform((value, ctx) => {
    const special = SPECIAL_DOUBLES[value];
    if (special !== undefined) return special;
    const n = value.trim() === "" ? Number.NaN : Number(value);
    if (Number.isNaN(n)) {
      ctx.addIssue({ code: "custom", message: "Expected a double" });
      return z.NEVER;
    }
    return n;
  }),
]);

/** How a double travels in a response: protobuf JSON spells non-finite values as strings. */
export function doubleToWire(value: number): number | "NaN" | "Infinity" | "-Infinity" {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return value;
}

/**
 * A string field MLflow marks required: absent and "" are both "missing" (its `_assert_required`),
 * which the REST layer reports as "Missing value for required parameter '<name>'".
 */
export const requiredString = z.string().min(1);

/** experiment_id: a string; old clients (MLflow ≤ 0.9) send a number, which MLflow stringifies. */
export const experimentId = z.union([z.string(), z.number().int()]).transform((value) => String(value));

/** A required experiment_id ("" counts as missing). */
export const requiredExperimentId = z.union([z.string().min(1), z.number().int()]).transform((value) => String(value));

function protoEnum<const Names extends readonly [string, ...string[]]>(names: Names, firstNumber: number) {
  return z.union([z.string(), z.number()]).transform((value, ctx): Names[number] => {
    if (typeof value === "string" && (names as readonly string[]).includes(value)) return value as Names[number];
    const n = typeof value === "number" ? value : INTEGER_STRING.test(value) ? Number(value) : Number.NaN;
    const name = names[n - firstNumber];
    if (Number.isInteger(n) && name !== undefined) return name;
    ctx.addIssue({ code: "custom", message: `Expected one of ${names.join(", ")}` });
    return z.NEVER;
  });
}

export const VIEW_TYPES = ["ACTIVE_ONLY", "DELETED_ONLY", "ALL"] as const;
/** `ViewType` (ACTIVE_ONLY = 1, DELETED_ONLY = 2, ALL = 3). */
export const viewType = protoEnum(VIEW_TYPES, 1);
export type ViewType = (typeof VIEW_TYPES)[number];

export const RUN_STATUSES = ["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"] as const;
/** `RunStatus` (RUNNING = 1 … KILLED = 5). */
export const runStatus = protoEnum(RUN_STATUSES, 1);
export type RunStatus = (typeof RUN_STATUSES)[number];

export const LIFECYCLE_STAGES = ["active", "deleted"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** `run_id` and its deprecated alias `run_uuid`; at least one is required (checked by the handler). */
export const runIdentity = {
  run_id: z.string().optional(),
  run_uuid: z.string().optional(),
};

/** A key/value pair (Param, RunTag, ExperimentTag). A missing value is "", as protobuf reads it. */
export const keyValue = z.object({
  key: requiredString,
  value: z.string().optional().default(""),
});
export type KeyValue = z.infer<typeof keyValue>;

/** bool: a JSON boolean, or "true"/"false" (a query string, or a client that stringifies). */
export const bool = z.union([z.boolean(), z.enum(["true", "false", "True", "False"])]).transform((value) =>
  typeof value === "boolean" ? value : value.toLowerCase() === "true",
);
