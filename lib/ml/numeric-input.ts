import { DataFrame, Series } from "../data";
import { InvalidInputError } from "../data/errors";
import { frameParts } from "../data/dataframe";
import { describeValue, firstNonFinite, toFloat64Array, type NumericVector } from "../data/vector";

import { pairwiseSum } from "./pairwise-sum";

/** Les variables explicatives : un `DataFrame` ou un tableau de lignes `number[][]`. */
export type FeatureInput = DataFrame | readonly (readonly number[])[];

/** La cible : une `Series` ou un tableau `number[]`. */
export type TargetInput = NumericVector;

/**
 * Validated features, as the solvers want them: one Float64Array per column (column-major).
 * The columns may be the DataFrame's own arrays: read them, never write to them.
 */
export interface FeatureMatrix {
  readonly rowCount: number;
  readonly columns: readonly Float64Array[];
  /** Each column's sum in numpy's pairwise order (so `sum / rowCount` is numpy's mean). */
  readonly columnSums: Float64Array;
  /** Column names when the input was a DataFrame (sklearn's `feature_names_in_`). */
  readonly featureNames: string[] | null;
}

/**
 * Validates X, a non-empty rectangle of finite numbers, without copying a DataFrame's columns.
 * @throws {InvalidInputError} naming the first ragged row or non-finite cell.
 */
export function toFeatureMatrix(X: FeatureInput, name = "X"): FeatureMatrix {
  const { rowCount, columns, featureNames } = X instanceof DataFrame ? frameColumns(X) : rowsToColumns(X, name);
  if (rowCount === 0) throw new InvalidInputError(`${name} est vide : il faut au moins une ligne.`);
  if (columns.length === 0) throw new InvalidInputError(`${name} n'a aucune colonne.`);
  const columnSums = Float64Array.from(columns, (column) => pairwiseSum(column));
  columns.forEach((column, c) => {
    // A sum of finite numbers is finite unless it overflows: only a non-finite sum needs a scan.
    if (Number.isFinite(columnSums[c])) return;
    const row = firstNonFinite(column);
    if (row === -1) return;
    const where =
      X instanceof DataFrame ? `ligne d'index ${X.index[row]}, colonne "${featureNames?.[c]}"` : `ligne ${row}, colonne ${c}`;
    throw new InvalidInputError(
      `${name} contient ${describeNonFinite(column[row] as number)} (${where}). ` +
        "Retirez ou complétez ces valeurs avant d'entraîner ou d'utiliser le modèle.",
    );
  });
  return { rowCount, columns, columnSums, featureNames };
}

/**
 * Copies and validates y: finite numbers, one per row of X.
 * @throws {InvalidInputError} if y is not a single column, has a non-finite value or the wrong length.
 */
export function toTarget(y: TargetInput, expectedLength: number, name = "y"): Float64Array {
  if (y instanceof DataFrame) {
    throw new InvalidInputError(
      `${name} doit être une seule colonne (une Series, par exemple data.get("quality")), pas un DataFrame.`,
    );
  }
  const values = toFloat64Array(y, name);
  if (values.length !== expectedLength) {
    throw new InvalidInputError(
      `X et ${name} n'ont pas le même nombre de lignes : X en a ${expectedLength}, ${name} en a ${values.length}.`,
    );
  }
  const position = firstNonFinite(values);
  if (position !== -1) {
    const label = y instanceof Series ? ` (ligne d'index ${y.index[position]})` : "";
    throw new InvalidInputError(
      `${name} contient ${describeNonFinite(values[position] as number)} à la position ${position}${label}. ` +
        "Retirez ces lignes avant d'entraîner le modèle.",
    );
  }
  return values;
}

interface Columns {
  readonly rowCount: number;
  readonly columns: readonly Float64Array[];
  readonly featureNames: string[] | null;
}

function frameColumns(frame: DataFrame): Columns {
  const { columns, data, index } = frameParts(frame);
  return { rowCount: index.length, columns: data, featureNames: [...columns] };
}

/**
 * `columnCount` columns of `rowCount` values, all views into one buffer: allocating one large
 * typed array costs far less than one per column, and it is the solvers' column-major layout.
 */
export function columnMajorBuffer(rowCount: number, columnCount: number): Float64Array[] {
  const buffer = new Float64Array(rowCount * columnCount);
  return Array.from({ length: columnCount }, (_, c) => buffer.subarray(c * rowCount, (c + 1) * rowCount));
}

function rowsToColumns(rows: readonly (readonly number[])[], name: string): Columns {
  if (!Array.isArray(rows)) {
    throw new InvalidInputError(`${name} doit être un DataFrame ou un tableau de lignes (number[][]), pas ${describeValue(rows)}.`);
  }
  const first = rows[0];
  if (first !== undefined && !Array.isArray(first)) {
    throw new InvalidInputError(
      `${name} doit être un tableau de lignes (number[][]) : chaque ligne est elle-même un tableau de nombres. ` +
        `La ligne 0 est ${describeValue(first)}.`,
    );
  }
  const columnCount = first?.length ?? 0;
  const columns = columnMajorBuffer(rows.length, columnCount);
  rows.forEach((row, r) => {
    if (!Array.isArray(row)) {
      throw new InvalidInputError(`La ligne ${r} de ${name} n'est pas un tableau de nombres (${describeValue(row)}).`);
    }
    if (row.length !== columnCount) {
      throw new InvalidInputError(
        `La ligne ${r} de ${name} a ${row.length} valeurs au lieu de ${columnCount} (comme la ligne 0) : ` +
          "toutes les lignes doivent avoir le même nombre de valeurs.",
      );
    }
    for (let c = 0; c < columnCount; c++) {
      const value = row[c];
      if (typeof value !== "number") {
        throw new InvalidInputError(`${name}[${r}][${c}] doit être un nombre, pas ${describeValue(value)}.`);
      }
      (columns[c] as Float64Array)[r] = value;
    }
  });
  return { rowCount: rows.length, columns, featureNames: null };
}

function describeNonFinite(value: number): string {
  return Number.isNaN(value) ? "une valeur manquante (NaN)" : `une valeur infinie (${value})`;
}
