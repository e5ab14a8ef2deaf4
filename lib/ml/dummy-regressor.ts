import { InvalidInputError } from "../data/errors";

import type { FeatureMatrix } from "./numeric-input";
import { numpyMean } from "./pairwise-sum";
import { Regressor, type ParamValue } from "./regressor";

/** Options de `DummyRegressor`. */
export interface DummyRegressorOptions {
  /** Stratégie : `"mean"` prédit toujours la moyenne de y vue à l'entraînement. Défaut : `"mean"`. */
  strategy?: "mean";
}

/** Les hyperparamètres de `DummyRegressor` sous leurs noms scikit-learn (`get_params()`). */
export interface DummyRegressorParams extends Record<string, ParamValue> {
  constant: null;
  quantile: null;
  strategy: "mean";
}

/**
 * Un modèle de référence qui ignore X et prédit toujours la moyenne de la cible vue à
 * l'entraînement, comme `sklearn.dummy.DummyRegressor(strategy="mean")`. Un vrai modèle doit
 * faire mieux que lui.
 *
 * @example
 * const dummy = new DummyRegressor({ strategy: "mean" }).fit(XTrain, yTrain);
 * dummy.predict(XTest); // [5.627…, 5.627…, …]
 */
export class DummyRegressor extends Regressor {
  readonly estimatorName = "DummyRegressor";
  /** La stratégie de prédiction. */
  readonly strategy: "mean";

  #constant: number | null = null;

  /** @throws {InvalidInputError} pour une stratégie autre que `"mean"`. */
  constructor(options: DummyRegressorOptions = {}) {
    super();
    const { strategy = "mean" } = options;
    if (strategy !== "mean") {
      throw new InvalidInputError(`Stratégie inconnue : "${String(strategy)}". Seule "mean" est disponible.`);
    }
    this.strategy = strategy;
  }

  /** Rebuilds a fitted model from the values a fit produced (what `mlflow`'s model flavor saves). */
  static fromFitted(
    options: DummyRegressorOptions,
    fitted: { constant: number; featureCount: number; featureNames: readonly string[] | null },
  ): DummyRegressor {
    const model = new DummyRegressor(options);
    model.#constant = fitted.constant;
    model.markFitted(fitted.featureCount, fitted.featureNames);
    return model;
  }

  /** La valeur toujours prédite : la moyenne de y à l'entraînement (scikit-learn : `constant_`). */
  get constant(): number {
    this.fittedShape();
    return this.#constant as number;
  }

  getParams(): DummyRegressorParams {
    return { constant: null, quantile: null, strategy: this.strategy };
  }

  protected fitValidated(_X: FeatureMatrix, y: Float64Array): void {
    // np.average(y, axis=0): a pairwise sum divided by n.
    this.#constant = numpyMean(y);
  }

  protected predictValidated(X: FeatureMatrix): Float64Array {
    return new Float64Array(X.rowCount).fill(this.constant);
  }
}
