import { MlflowException } from "./exceptions";

/**
 * How values become MLflow param and tag strings. MLflow's Python client calls `str(value)`;
 * we mirror it where JavaScript differs (booleans and null), so a param logged from TypeScript
 * reads the same as the one the Python course logs ("True", "None", "0.5").
 */
export function toMlflowString(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "string") return String(value);
  if (Array.isArray(value) || typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * MLflow's `_validate_metric`: a metric is a number. NaN and ±Infinity are numbers too, and MLflow
 * stores them as they are; we do the same but say so in French, since it is almost always a bug
 * in the learner's computation.
 */
export function toMetricValue(key: string, value: unknown, timestamp?: number): number {
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "number") {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Got invalid value ${String(value)} for metric '${key}' (timestamp=${timestamp ?? "None"}). Please specify value as a valid double (64-bit floating point)`,
      `La métrique ${key} doit être un nombre (reçu : ${describe(value)})`,
    );
  }
  if (!Number.isFinite(value)) {
    console.warn(
      `Attention : la métrique ${key} vaut ${value}. MLflow l'enregistre telle quelle, mais ce n'est pas un nombre fini : vérifiez votre calcul.`,
    );
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `le texte "${value}"`;
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  return typeof value;
}
