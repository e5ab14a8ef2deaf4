/**
 * Regression metrics with scikit-learn 1.2's definitions (sklearn/metrics/_regression.py),
 * computed in numpy's summation order so that the values are the same doubles, not only close.
 */
import { InvalidInputError } from "../data/errors";
import { firstNonFinite, toFloat64Array, type NumericVector } from "../data/vector";

import { pairwiseSum } from "./pairwise-sum";

/** Options des métriques qui acceptent des poids, comme en scikit-learn. */
export interface MetricOptions {
  /** Poids de chaque exemple (un par valeur de `yTrue`). Défaut : tous égaux. */
  sampleWeight?: NumericVector;
}

interface MetricInputs {
  readonly yTrue: Float64Array;
  readonly yPred: Float64Array;
  readonly weights: Float64Array | null;
}

/**
 * Erreur quadratique moyenne : la moyenne (pondérée) de `(yTrue - yPred)²`
 * (scikit-learn : `mean_squared_error`).
 */
export function meanSquaredError(yTrue: NumericVector, yPred: NumericVector, options: MetricOptions = {}): number {
  const inputs = checkInputs(yTrue, yPred, options);
  return average(
    inputs.yTrue.map((value, i) => square(value - (inputs.yPred[i] as number))),
    inputs.weights,
  );
}

/**
 * Racine de l'erreur quadratique moyenne, dans l'unité de la cible
 * (scikit-learn : `mean_squared_error(..., squared=False)`, `root_mean_squared_error` depuis la 1.4).
 */
export function rootMeanSquaredError(yTrue: NumericVector, yPred: NumericVector, options: MetricOptions = {}): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred, options));
}

/** Erreur absolue moyenne : la moyenne (pondérée) de `|yTrue - yPred|` (scikit-learn : `mean_absolute_error`). */
export function meanAbsoluteError(yTrue: NumericVector, yPred: NumericVector, options: MetricOptions = {}): number {
  const inputs = checkInputs(yTrue, yPred, options);
  return average(
    inputs.yPred.map((value, i) => Math.abs(value - (inputs.yTrue[i] as number))),
    inputs.weights,
  );
}

/**
 * Erreur absolue moyenne en pourcentage, exprimée comme une fraction (0.1 = 10 %) :
 * la moyenne de `|yTrue - yPred| / max(|yTrue|, ε)` (scikit-learn : `mean_absolute_percentage_error`).
 */
export function meanAbsolutePercentageError(
  yTrue: NumericVector,
  yPred: NumericVector,
  options: MetricOptions = {},
): number {
  const inputs = checkInputs(yTrue, yPred, options);
  return average(
    inputs.yPred.map((value, i) => {
      const truth = inputs.yTrue[i] as number;
      return Math.abs(value - truth) / Math.max(Math.abs(truth), Number.EPSILON);
    }),
    inputs.weights,
  );
}

/**
 * Coefficient de détermination R² : 1 - (somme des carrés des erreurs) / (somme des carrés des
 * écarts à la moyenne). 1 est parfait ; 0, c'est prédire la moyenne (scikit-learn : `r2_score`).
 * Comme scikit-learn : `NaN` avec moins de deux valeurs ; si `yTrue` est constant, 1 pour des
 * prédictions parfaites et 0 sinon.
 */
export function r2Score(yTrue: NumericVector, yPred: NumericVector, options: MetricOptions = {}): number {
  const inputs = checkInputs(yTrue, yPred, options);
  const { yTrue: truth, yPred: predicted, weights } = inputs;
  if (truth.length < 2) return Number.NaN;
  const truthMean = average(truth, weights);
  const weight = (i: number): number => (weights ? (weights[i] as number) : 1);
  const numerator = pairwiseSum(truth.map((value, i) => weight(i) * square(value - (predicted[i] as number))));
  const denominator = pairwiseSum(truth.map((value, i) => weight(i) * square(value - truthMean)));
  if (denominator === 0) return numerator === 0 ? 1 : 0;
  if (numerator === 0) return 1;
  return 1 - numerator / denominator;
}

/** La plus grande erreur absolue `max |yTrue - yPred|` (scikit-learn : `max_error`, sans poids). */
export function maxError(yTrue: NumericVector, yPred: NumericVector): number {
  const inputs = checkInputs(yTrue, yPred, {});
  let largest = 0;
  inputs.yTrue.forEach((value, i) => {
    largest = Math.max(largest, Math.abs(value - (inputs.yPred[i] as number)));
  });
  return largest;
}

/** numpy's `x ** 2` on a float array is exactly `x * x`. */
function square(value: number): number {
  return value * value;
}

/** `np.average(values, weights=weights)` in numpy's order: sum(values × weights) / sum(weights). */
function average(values: Float64Array, weights: Float64Array | null): number {
  if (!weights) return pairwiseSum(values) / values.length;
  const weightSum = pairwiseSum(weights);
  if (weightSum === 0) {
    throw new InvalidInputError("La somme des poids (sampleWeight) vaut 0 : impossible de calculer une moyenne pondérée.");
  }
  return pairwiseSum(values.map((value, i) => value * (weights[i] as number))) / weightSum;
}

function checkInputs(yTrue: NumericVector, yPred: NumericVector, options: MetricOptions): MetricInputs {
  const truth = checkedVector(yTrue, "yTrue");
  const predicted = checkedVector(yPred, "yPred");
  if (truth.length !== predicted.length) {
    throw new InvalidInputError(
      `yTrue et yPred n'ont pas la même longueur : ${truth.length} et ${predicted.length} valeurs.`,
    );
  }
  if (truth.length === 0) throw new InvalidInputError("yTrue et yPred sont vides : il faut au moins une valeur.");
  const weights = options.sampleWeight === undefined ? null : checkedVector(options.sampleWeight, "sampleWeight");
  if (weights && weights.length !== truth.length) {
    throw new InvalidInputError(
      `sampleWeight doit avoir une valeur par exemple : ${truth.length} attendues, ${weights.length} reçues.`,
    );
  }
  return { yTrue: truth, yPred: predicted, weights };
}

function checkedVector(input: NumericVector, name: string): Float64Array {
  const values = toFloat64Array(input, name);
  const position = firstNonFinite(values);
  if (position !== -1) {
    throw new InvalidInputError(`${name} contient une valeur non finie (${values[position]}) à la position ${position}.`);
  }
  return values;
}
