import { InvalidInputError } from "../data/errors";

import { blasDot } from "./blas-dot";
import { enetCoordinateDescent } from "./coordinate-descent";
import { columnMajorBuffer, type FeatureMatrix } from "./numeric-input";
import { numpyMean } from "./pairwise-sum";
import { Regressor, type ParamValue } from "./regressor";

/** Hyperparamètres d'`ElasticNet` (mêmes défauts que scikit-learn). */
export interface ElasticNetOptions {
  /** Force de la régularisation, ≥ 0 (scikit-learn : `alpha`). Défaut : `1.0`. */
  alpha?: number;
  /**
   * Part de la pénalité L1 dans la pénalité totale, entre 0 et 1 : 1 = Lasso, 0 = Ridge
   * (scikit-learn : `l1_ratio`). Défaut : `0.5`.
   */
  l1Ratio?: number;
  /** Apprendre une ordonnée à l'origine (scikit-learn : `fit_intercept`). Défaut : `true`. */
  fitIntercept?: boolean;
  /** Nombre maximal de passes sur les coefficients (scikit-learn : `max_iter`). Défaut : `1000`. */
  maxIter?: number;
  /** Tolérance du critère d'arrêt (scikit-learn : `tol`). Défaut : `1e-4`. */
  tol?: number;
  /**
   * Graine (scikit-learn : `random_state`). Elle n'a aucun effet ici : les coefficients sont
   * parcourus dans l'ordre (`selection="cyclic"`), mais elle est enregistrée avec les autres
   * hyperparamètres, comme en Python. Défaut : `null`.
   */
  randomState?: number | null;
}

/** Les hyperparamètres d'`ElasticNet` sous leurs noms scikit-learn (`get_params()`). */
export interface ElasticNetParams extends Record<string, ParamValue> {
  alpha: number;
  copy_X: boolean;
  fit_intercept: boolean;
  l1_ratio: number;
  max_iter: number;
  positive: boolean;
  precompute: boolean;
  random_state: number | null;
  selection: "cyclic";
  tol: number;
  warm_start: boolean;
}

interface ElasticNetFit {
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly nIter: number;
  readonly dualGap: number;
}

/**
 * Régression linéaire avec une pénalité mêlant L1 (Lasso) et L2 (Ridge), identique à
 * `sklearn.linear_model.ElasticNet` : même algorithme (descente par coordonnées), même critère
 * d'arrêt, donc les mêmes coefficients, le même nombre d'itérations et les mêmes prédictions.
 *
 * Objectif minimisé :
 * `1 / (2 n) ‖y - Xw - b‖² + alpha · l1Ratio · ‖w‖₁ + alpha · (1 - l1Ratio) / 2 · ‖w‖²`.
 *
 * @example
 * // Python : model = ElasticNet(alpha=0.5, l1_ratio=0.5); model.fit(X_train, y_train)
 * const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 });
 * model.fit(XTrain, yTrain);
 * const predictions = model.predict(XTest);
 */
export class ElasticNet extends Regressor {
  readonly estimatorName = "ElasticNet";
  /** Force de la régularisation. */
  readonly alpha: number;
  /** Part de la pénalité L1. */
  readonly l1Ratio: number;
  /** Apprendre une ordonnée à l'origine. */
  readonly fitIntercept: boolean;
  /** Nombre maximal de passes. */
  readonly maxIter: number;
  /** Tolérance du critère d'arrêt. */
  readonly tol: number;
  /** Graine (sans effet avec le parcours cyclique). */
  readonly randomState: number | null;

  #fit: ElasticNetFit | null = null;

  /** @throws {InvalidInputError} si un hyperparamètre est hors de son domaine. */
  constructor(options: ElasticNetOptions = {}) {
    super();
    const { alpha = 1.0, l1Ratio = 0.5, fitIntercept = true, maxIter = 1000, tol = 1e-4, randomState = null } = options;
    this.alpha = checkNumber("alpha", alpha, 0, Number.POSITIVE_INFINITY, "un nombre positif ou nul");
    this.l1Ratio = checkNumber("l1Ratio", l1Ratio, 0, 1, "un nombre entre 0 et 1");
    if (typeof fitIntercept !== "boolean") {
      throw new InvalidInputError(`fitIntercept doit valoir true ou false (reçu : ${String(fitIntercept)}).`);
    }
    this.fitIntercept = fitIntercept;
    if (!Number.isInteger(maxIter) || maxIter < 1) {
      throw new InvalidInputError(`maxIter doit être un entier ≥ 1 (reçu : ${String(maxIter)}).`);
    }
    this.maxIter = maxIter;
    this.tol = checkNumber("tol", tol, 0, Number.POSITIVE_INFINITY, "un nombre positif ou nul");
    if (randomState !== null && !(Number.isInteger(randomState) && randomState >= 0 && randomState <= 0xffffffff)) {
      throw new InvalidInputError(
        `randomState doit être un entier entre 0 et 2**32 - 1, ou null (reçu : ${String(randomState)}).`,
      );
    }
    this.randomState = randomState;
  }

  /**
   * Rebuilds a fitted model from the values a fit produced (what `mlflow`'s model flavor saves):
   * its predictions are the original model's, bit for bit.
   */
  static fromFitted(
    options: ElasticNetOptions,
    fitted: { coef: readonly number[]; intercept: number; nIter: number; dualGap: number; featureNames: readonly string[] | null },
  ): ElasticNet {
    const model = new ElasticNet(options);
    if (fitted.featureNames && fitted.featureNames.length !== fitted.coef.length) {
      throw new InvalidInputError(`${fitted.coef.length} coefficients pour ${fitted.featureNames.length} noms de colonnes.`);
    }
    model.#fit = { coef: Float64Array.from(fitted.coef), intercept: fitted.intercept, nIter: fitted.nIter, dualGap: fitted.dualGap };
    model.markFitted(fitted.coef.length, fitted.featureNames);
    return model;
  }

  /** Les coefficients, un par colonne de X (scikit-learn : `coef_`). */
  get coef(): number[] {
    return Array.from(this.#fitted().coef);
  }

  /** L'ordonnée à l'origine (scikit-learn : `intercept_`). */
  get intercept(): number {
    return this.#fitted().intercept;
  }

  /** Nombre de passes de la descente par coordonnées (scikit-learn : `n_iter_`). */
  get nIter(): number {
    return this.#fitted().nIter;
  }

  /** Écart de dualité à la fin de l'entraînement, divisé par n (scikit-learn : `dual_gap_`). */
  get dualGap(): number {
    return this.#fitted().dualGap;
  }

  getParams(): ElasticNetParams {
    return {
      alpha: this.alpha,
      copy_X: true,
      fit_intercept: this.fitIntercept,
      l1_ratio: this.l1Ratio,
      max_iter: this.maxIter,
      positive: false,
      precompute: false,
      random_state: this.randomState,
      selection: "cyclic",
      tol: this.tol,
      warm_start: false,
    };
  }

  protected fitValidated(X: FeatureMatrix, y: Float64Array): void {
    const n = X.rowCount;
    if (this.alpha === 0) {
      console.warn(
        "ElasticNet avec alpha = 0 : l'algorithme converge mal sans régularisation ; " +
          "préférez une régression linéaire ordinaire.",
      );
    }
    // sklearn's _preprocess_data: centre copies of X and y on their means (np.average, i.e.
    // pairwise sums divided by n). Centring and copying X happen in one pass.
    const xOffset = X.columns.map((_, j) => (this.fitIntercept ? (X.columnSums[j] as number) / n : 0));
    const columns = columnMajorBuffer(n, X.columns.length);
    columns.forEach((column, j) => {
      const source = X.columns[j] as Float64Array;
      const offset = xOffset[j] as number;
      if (offset === 0) column.set(source);
      else for (let i = 0; i < n; i++) column[i] = (source[i] as number) - offset;
    });
    const yOffset = this.fitIntercept ? numpyMean(y) : 0;
    if (yOffset !== 0) for (let i = 0; i < n; i++) y[i] = (y[i] as number) - yOffset;

    // enet_path scales the penalties by n_samples, in this order.
    const result = enetCoordinateDescent({
      columns,
      target: y,
      l1Reg: this.alpha * this.l1Ratio * n,
      l2Reg: this.alpha * (1.0 - this.l1Ratio) * n,
      maxIter: this.maxIter,
      tol: this.tol,
    });
    if (!result.converged) {
      console.warn(
        `ElasticNet n'a pas convergé en ${this.maxIter} itérations (écart de dualité ${result.gap}, ` +
          `tolérance ${result.scaledTol}). Augmentez maxIter ou mettez les variables à l'échelle.`,
      );
    }

    // _set_intercept: intercept_ = y_offset - X_offset · coef_ (np.dot, i.e. BLAS ddot).
    const intercept = this.fitIntercept ? yOffset - blasDot(Float64Array.from(xOffset), result.coef) : 0;
    if (!Number.isFinite(intercept) || result.coef.some((value) => !Number.isFinite(value))) {
      throw new InvalidInputError(
        "La descente par coordonnées a produit des coefficients non finis : les données contiennent " +
          "probablement de très grandes valeurs, à mettre à l'échelle avant l'entraînement.",
      );
    }
    this.#fit = { coef: result.coef, intercept, nIter: result.iterations, dualGap: result.gap / n };
  }

  protected predictValidated(X: FeatureMatrix): Float64Array {
    const { coef, intercept } = this.#fitted();
    // X · coef + intercept (sklearn: gemv, then + intercept_), the sum running over the columns
    // in order: on the fixtures this gives sklearn's predictions bit for bit, train and test rows.
    const predictions = new Float64Array(X.rowCount);
    X.columns.forEach((column, j) => {
      const weight = coef[j] as number;
      for (let i = 0; i < X.rowCount; i++) predictions[i] = (predictions[i] as number) + (column[i] as number) * weight;
    });
    for (let i = 0; i < X.rowCount; i++) predictions[i] = (predictions[i] as number) + intercept;
    return predictions;
  }

  #fitted(): ElasticNetFit {
    this.fittedShape();
    return this.#fit as ElasticNetFit;
  }
}

function checkNumber(name: string, value: number, min: number, max: number, expected: string): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || value > max) {
    throw new InvalidInputError(`${name} doit être ${expected} (reçu : ${String(value)}).`);
  }
  return value;
}
