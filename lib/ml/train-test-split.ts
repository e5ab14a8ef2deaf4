import { DataFrame, Series } from "../data";
import { InvalidInputError } from "../data/errors";

import { toRandomState, type RandomState } from "./random-state";

/** Ce que `trainTestSplit` sait découper : un `DataFrame`, une `Series` ou un tableau. */
export type Splittable = DataFrame | Series | readonly unknown[];

/** Le type d'une moitié du découpage : le même genre que l'entrée (tableau → tableau modifiable). */
export type SplitPart<T extends Splittable> = T extends DataFrame
  ? DataFrame
  : T extends Series
    ? Series
    : T extends readonly (infer Item)[]
      ? Item[]
      : never;

/** Options de `trainTestSplit`. */
export interface TrainTestSplitOptions {
  /** Part des lignes gardées pour le test, strictement entre 0 et 1. Défaut : `0.25`. */
  testSize?: number;
  /**
   * Graine du mélange (un entier entre 0 et 2**32 - 1) ou un `RandomState`. Avec la même graine
   * que `random_state` en Python, les lignes choisies sont exactement celles de scikit-learn.
   * Sans graine, le découpage change à chaque exécution.
   */
  randomState?: number | RandomState;
}

/**
 * Découpe les lignes en un jeu d'entraînement et un jeu de test, exactement comme
 * `sklearn.model_selection.train_test_split` : les `ceil(testSize × n)` premières positions
 * d'une permutation aléatoire forment le test, les autres l'entraînement, dans l'ordre de la
 * permutation. Renvoie le même genre d'objets que ceux reçus (`DataFrame`, `Series` ou tableaux).
 *
 * @example
 * // Python : X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)
 * const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });
 *
 * @throws {InvalidInputError} si X et y n'ont pas le même nombre de lignes, ou si `testSize`
 *   n'est pas strictement entre 0 et 1, ou s'il ne reste aucune ligne pour l'entraînement.
 */
export function trainTestSplit<TX extends Splittable, TY extends Splittable>(
  X: TX,
  y: TY,
  options: TrainTestSplitOptions = {},
): [XTrain: SplitPart<TX>, XTest: SplitPart<TX>, yTrain: SplitPart<TY>, yTest: SplitPart<TY>] {
  const sampleCount = rowCount(X, "X");
  const targetCount = rowCount(y, "y");
  if (sampleCount !== targetCount) {
    throw new InvalidInputError(
      `X et y n'ont pas le même nombre de lignes : X en a ${sampleCount}, y en a ${targetCount}.`,
    );
  }
  const { testPositions, trainPositions } = splitPositions(sampleCount, options);
  return [
    takeRows(X, trainPositions),
    takeRows(X, testPositions),
    takeRows(y, trainPositions),
    takeRows(y, testPositions),
  ];
}

/**
 * The row positions of each side, in permutation order (sklearn's `ShuffleSplit._iter_indices`).
 */
export function splitPositions(
  sampleCount: number,
  { testSize = 0.25, randomState }: TrainTestSplitOptions,
): { trainPositions: number[]; testPositions: number[] } {
  if (typeof testSize !== "number" || !(testSize > 0 && testSize < 1)) {
    throw new InvalidInputError(
      `testSize doit être un nombre strictement entre 0 et 1 (la part des lignes gardées pour le test), ` +
        `reçu : ${String(testSize)}.`,
    );
  }
  const testCount = Math.ceil(testSize * sampleCount);
  if (testCount >= sampleCount) {
    throw new InvalidInputError(
      `Avec ${sampleCount} lignes et testSize = ${testSize}, il ne resterait aucune ligne pour l'entraînement. ` +
        "Réduisez testSize ou utilisez plus de lignes.",
    );
  }
  const permutation = toRandomState(randomState).permutation(sampleCount);
  return { testPositions: permutation.slice(0, testCount), trainPositions: permutation.slice(testCount) };
}

function rowCount(data: Splittable, name: string): number {
  if (data instanceof DataFrame) return data.shape[0];
  if (data instanceof Series || Array.isArray(data)) return data.length;
  throw new InvalidInputError(
    `${name} doit être un DataFrame, une Series ou un tableau, pas ${data === null ? "null" : typeof data}.`,
  );
}

function takeRows<T extends Splittable>(data: T, positions: readonly number[]): SplitPart<T> {
  if (data instanceof DataFrame || data instanceof Series) return data.take(positions) as SplitPart<T>;
  const items = data as readonly unknown[];
  return positions.map((position) => items[position]) as SplitPart<T>;
}
