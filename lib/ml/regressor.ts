import { InvalidInputError, quoteList } from "../data/errors";

import { NotFittedError } from "./errors";
import { notifyFit } from "./fit-events";
import { r2Score } from "./metrics";
import { toFeatureMatrix, toTarget, type FeatureInput, type FeatureMatrix, type TargetInput } from "./numeric-input";

/** La valeur d'un hyperparamètre, telle que scikit-learn la donne (`None` devient `null`). */
export type ParamValue = number | string | boolean | null;

interface FittedShape {
  readonly featureCount: number;
  readonly featureNames: string[] | null;
}

/**
 * Ce que partagent les modèles de régression du kit, comme les estimateurs de scikit-learn :
 * `fit(X, y)` puis `predict(X)`, `score(X, y)` et `getParams()`.
 */
export abstract class Regressor {
  /** Nom de la classe scikit-learn équivalente, par exemple `"ElasticNet"`. */
  abstract readonly estimatorName: string;

  #fittedShape: FittedShape | null = null;

  /**
   * Les hyperparamètres sous leurs noms et valeurs scikit-learn (`snake_case`, par ordre
   * alphabétique), comme `get_params()` et comme `mlflow.autolog()` les enregistre.
   */
  abstract getParams(): Record<string, ParamValue>;

  /** Computes the model from validated inputs: `X` is read-only, `y` a fresh copy it may modify. */
  protected abstract fitValidated(X: FeatureMatrix, y: Float64Array): void;

  /** Predicts from a validated X whose shape matches the fit. */
  protected abstract predictValidated(X: FeatureMatrix): Float64Array;

  /**
   * Entraîne le modèle sur `X` (un `DataFrame` ou `number[][]`) et `y` (une `Series` ou
   * `number[]`) et renvoie le modèle lui-même, pour enchaîner : `model.fit(X, y).predict(X2)`.
   * @throws {InvalidInputError} si X et y n'ont pas le même nombre de lignes, si une ligne de X
   *   n'a pas le bon nombre de valeurs, ou s'il manque des valeurs (NaN).
   */
  fit(X: FeatureInput, y: TargetInput): this {
    const matrix = toFeatureMatrix(X);
    const target = toTarget(y, matrix.rowCount);
    this.fitValidated(matrix, target);
    this.#fittedShape = { featureCount: matrix.columns.length, featureNames: matrix.featureNames };
    notifyFit({ estimator: this, X, y, params: this.getParams() });
    return this;
  }

  /**
   * Les prédictions du modèle, une par ligne de `X`.
   * @throws {NotFittedError} si le modèle n'a pas encore été entraîné.
   * @throws {InvalidInputError} si X n'a pas les colonnes de l'entraînement.
   */
  predict(X: FeatureInput): number[] {
    const shape = this.fittedShape();
    const matrix = toFeatureMatrix(X);
    checkSameFeatures(matrix, shape, this.estimatorName);
    return Array.from(this.predictValidated(matrix));
  }

  /** Le R² des prédictions sur `X` par rapport à `y` (scikit-learn : `score(X, y)`). */
  score(X: FeatureInput, y: TargetInput): number {
    return r2Score(y, this.predict(X));
  }

  /** Nombre de colonnes vues à l'entraînement (scikit-learn : `n_features_in_`). */
  get nFeaturesIn(): number {
    return this.fittedShape().featureCount;
  }

  /** Noms des colonnes vues à l'entraînement si X était un `DataFrame` (scikit-learn : `feature_names_in_`). */
  get featureNamesIn(): string[] | undefined {
    return this.fittedShape().featureNames?.slice();
  }

  /**
   * Marks a model rebuilt from saved values as fitted, without calling `fit` (so without
   * notifying `onFit` listeners). For the kit's `fromFitted` factories, which `mlflow` model
   * loading uses.
   */
  protected markFitted(featureCount: number, featureNames: readonly string[] | null): void {
    this.#fittedShape = { featureCount, featureNames: featureNames ? [...featureNames] : null };
  }

  /** @throws {NotFittedError} before the first successful fit. */
  protected fittedShape(): FittedShape {
    if (!this.#fittedShape) throw new NotFittedError(this.estimatorName);
    return this.#fittedShape;
  }
}

function checkSameFeatures(matrix: FeatureMatrix, fitted: FittedShape, estimatorName: string): void {
  const count = matrix.columns.length;
  if (count !== fitted.featureCount) {
    throw new InvalidInputError(
      `X a ${count} colonnes, mais ce modèle ${estimatorName} a été entraîné avec ${fitted.featureCount} colonnes.`,
    );
  }
  const names = matrix.featureNames;
  const fittedNames = fitted.featureNames;
  // Like sklearn, names are compared only when both the fit and this call had them.
  if (names && fittedNames && names.some((name, i) => name !== fittedNames[i])) {
    throw new InvalidInputError(
      "Les colonnes de X ne sont pas celles de l'entraînement (mêmes noms, même ordre). " +
        `Attendues : ${quoteList(fittedNames)}. Reçues : ${quoteList(names)}.`,
    );
  }
}
