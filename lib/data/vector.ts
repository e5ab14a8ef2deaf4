import { InvalidInputError } from "./errors";
import { Series, seriesParts } from "./series";

/** Une suite de nombres : une `Series` du kit, un tableau `number[]` ou un `Float64Array`. */
export type NumericVector = Series | ArrayLike<number>;

/**
 * Copies a vector into a fresh Float64Array (callers may then mutate it freely).
 * Checks the shape only; whether NaN is acceptable is the caller's decision.
 */
export function toFloat64Array(input: NumericVector, name: string): Float64Array {
  if (input instanceof Series) return seriesParts(input).values.slice();
  if (input === null || typeof input !== "object" || typeof input.length !== "number") {
    throw new InvalidInputError(
      `${name} doit être une suite de nombres (Series, tableau de nombres), pas ${describeValue(input)}.`,
    );
  }
  const values = new Float64Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const value = input[i];
    if (typeof value !== "number") {
      throw new InvalidInputError(
        `${name}[${i}] doit être un nombre, pas ${describeValue(value)}.` +
          (Array.isArray(value) ? ` ${name} doit être une seule colonne (une liste de nombres).` : ""),
      );
    }
    values[i] = value;
  }
  return values;
}

/** Index of the first NaN or ±Infinity, or -1. */
export function firstNonFinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    // value - value is 0 for every finite number and NaN for NaN and ±Infinity.
    if (value - value !== 0) return i;
  }
  return -1;
}

/** A short French description of a value's kind, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "un tableau";
  if (typeof value === "string") return `le texte "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return `le booléen ${value}`;
  if (typeof value === "object") return `un objet (${value.constructor?.name ?? "Object"})`;
  return `une valeur de type ${typeof value}`;
}
