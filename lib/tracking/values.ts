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

/** Metric values must be finite numbers or NaN/±Infinity, like Python floats. */
export function toMetricValue(key: string, value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw new TypeError(`La métrique ${key} doit être un nombre (reçu : ${typeof value}).`);
}
