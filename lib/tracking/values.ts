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

/** The plural form of each single-value SDK call, suggested when it is given an object. */
const BATCH_FORM = { logMetric: "logMetrics", logParam: "logParams", setTag: "setTags" } as const;

const KIND = { logMetric: "métrique", logParam: "paramètre", setTag: "tag" } as const;

/**
 * A metric, param or tag name is a string. The common slip is `mlflow.logMetric({ rmse, mae })`
 * (the batch call's argument given to the single one): say what was passed and which call takes
 * it, instead of going on with a key that prints "[object Object]".
 */
export function checkKey(method: keyof typeof BATCH_FORM, key: unknown): string {
  if (typeof key === "string") return key;
  const example = method === "logMetric" ? '("rmse", 0.42)' : method === "logParam" ? '("alpha", 0.5)' : '("auteur", "moi")';
  const batch =
    key !== null && typeof key === "object" && !Array.isArray(key)
      ? ` Pour en enregistrer plusieurs d'un coup, utilisez mlflow.${BATCH_FORM[method]}(${objectShape(key)}).`
      : "";
  throw MlflowException.local(
    "INVALID_PARAMETER_VALUE",
    `Invalid ${method === "setTag" ? "tag" : method === "logParam" ? "param" : "metric"} name: ${englishRender(key)}. Names must be strings.`,
    `${method} attend d'abord le nom de la ${KIND[method]} (un texte), puis sa valeur : mlflow.${method}${example}. Reçu comme nom : ${describe(key)}.${batch}`,
  );
}

/**
 * MLflow's `_validate_metric`: a metric is a number. NaN and ±Infinity are numbers too, and MLflow
 * stores them as they are; we do the same but say so in French, since it is almost always a bug
 * in the learner's computation.
 */
export function toMetricValue(key: string, value: unknown, timestamp?: number): number {
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "number") {
    const batch =
      value !== null && typeof value === "object" && !Array.isArray(value)
        ? `. Pour enregistrer plusieurs métriques d'un coup : mlflow.logMetrics(${objectShape(value)})`
        : "";
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Got invalid value ${englishRender(value)} for metric '${key}' (timestamp=${timestamp ?? "None"}). Please specify value as a valid double (64-bit floating point)`,
      `La métrique ${key} doit être un nombre (reçu : ${describe(value)})${batch}`,
    );
  }
  if (!Number.isFinite(value)) {
    console.warn(
      `Attention : la métrique ${key} vaut ${value}. MLflow l'enregistre telle quelle, mais ce n'est pas un nombre fini : vérifiez votre calcul.`,
    );
  }
  return value;
}

/** `{ rmse, mae, r2 }`: an object's keys, as the learner would write the object back. */
function objectShape(value: object): string {
  const keys = Object.keys(value);
  const shown = keys.slice(0, 5).join(", ");
  return keys.length === 0 ? "{}" : `{ ${shown}${keys.length > 5 ? ", …" : ""} }`;
}

/** A value in MLflow's English message (Python prints a dict, never "[object Object]"). */
function englishRender(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? "array" : "object";
  }
}

/** What a value is, in French, for an error message. */
function describe(value: unknown): string {
  if (typeof value === "string") return `le texte "${value}"`;
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number" || typeof value === "bigint") return `le nombre ${value}`;
  if (typeof value === "boolean") return `le booléen ${value}`;
  if (typeof value === "function") return "une fonction";
  if (Array.isArray(value)) return `un tableau de ${value.length} élément${value.length > 1 ? "s" : ""}`;
  if (typeof value === "object") return `un objet ${objectShape(value)}`;
  return typeof value;
}
