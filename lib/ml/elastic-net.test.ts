import { describe, expect, it } from "vitest";

import { DataFrame, InvalidInputError, Series } from "../data";

import { ElasticNet } from "./elastic-net";
import { NotFittedError } from "./errors";
import { elasticNetFixture, wineSplit, type ElasticNetFit } from "./test-support/fixtures";

/** The acceptance bound; the observed agreement with scikit-learn is about 5e-15. */
const TOLERANCE = 1e-10;

const { XTrain, XTest, yTrain } = wineSplit();

function maxAbsDifference(actual: readonly number[], expected: readonly number[]): number {
  expect(actual).toHaveLength(expected.length);
  return Math.max(...actual.map((value, i) => Math.abs(value - (expected[i] as number))));
}

function expectMatchesScikitLearn(reference: ElasticNetFit, predictions: readonly number[]): void {
  const model = new ElasticNet({ alpha: reference.alpha, l1Ratio: reference.l1_ratio, randomState: 42 });
  model.fit(XTrain, yTrain);
  expect(maxAbsDifference(model.coef, reference.coef_)).toBeLessThan(TOLERANCE);
  expect(Math.abs(model.intercept - reference.intercept_)).toBeLessThan(TOLERANCE);
  expect(model.nIter).toBe(reference.n_iter_);
  expect(Math.abs(model.dualGap - reference.dual_gap_)).toBeLessThan(TOLERANCE);
  expect(model.coef.filter((value) => value !== 0)).toHaveLength(
    reference.coef_.filter((value) => value !== 0).length,
  );
  expect(maxAbsDifference(model.predict(XTest).slice(0, predictions.length), predictions)).toBeLessThan(TOLERANCE);
  expect(model.getParams()).toEqual(reference.params);
}

describe("ElasticNet matches scikit-learn 1.2.1 on the course split", () => {
  it("alpha=0.5, l1_ratio=0.5: coef, intercept, n_iter, dual gap and all 400 test predictions", () => {
    expectMatchesScikitLearn(elasticNetFixture.model, elasticNetFixture.model.test_predictions);
  });

  for (const reference of elasticNetFixture.grid) {
    it(`grid alpha=${reference.alpha}, l1_ratio=${reference.l1_ratio}`, () => {
      expectMatchesScikitLearn(reference, reference.test_predictions_first_10);
    });
  }

  // Stronger than the acceptance bound: the solver follows sklearn's (OpenBLAS's) summation
  // order, so on the reference data every double is the same. A change that only reorders
  // additions shows up here first.
  it("is bit-identical to scikit-learn on every fixture fit", () => {
    for (const reference of [elasticNetFixture.model, ...elasticNetFixture.grid]) {
      const model = new ElasticNet({ alpha: reference.alpha, l1Ratio: reference.l1_ratio }).fit(XTrain, yTrain);
      expect(model.coef).toEqual(reference.coef_);
      expect(model.coef.map((value) => Object.is(value, -0))).toEqual(reference.coef_.map((value) => Object.is(value, -0)));
      expect(model.intercept).toBe(reference.intercept_);
      expect(model.dualGap).toBe(reference.dual_gap_);
      const predictions = model.predict(XTest);
      expect(predictions.slice(0, 10)).toEqual(reference.test_predictions_first_10);
      if (reference.test_predictions) expect(predictions).toEqual(reference.test_predictions);
    }
  });

  it("gives the same fit from plain arrays as from a DataFrame", () => {
    const fromFrame = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    const fromArrays = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain.toArray(), yTrain.toArray());
    expect(fromArrays.coef).toEqual(fromFrame.coef);
    expect(fromArrays.intercept).toBe(fromFrame.intercept);
    expect(fromArrays.predict(XTest.toArray())).toEqual(fromFrame.predict(XTest));
  });

  it("scores with R², like sklearn's score()", () => {
    const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    expect(model.score(XTrain, yTrain)).toBeCloseTo(elasticNetFixture.model.train_metrics.r2, 12);
  });
});

describe("ElasticNet on small problems", () => {
  it("without intercept, a tiny alpha recovers y = 2x", () => {
    const model = new ElasticNet({ alpha: 1e-6, l1Ratio: 0.5, fitIntercept: false, tol: 1e-10 });
    model.fit([[1], [2], [3], [4]], [2, 4, 6, 8]);
    expect(model.intercept).toBe(0);
    expect(model.coef[0]).toBeCloseTo(2, 5);
  });

  it("a large alpha zeroes every coefficient and predicts the mean", () => {
    const model = new ElasticNet({ alpha: 100 }).fit([[1], [2], [3]], [1, 2, 6]);
    expect(model.coef).toEqual([0]);
    expect(model.intercept).toBe(3);
    expect(model.nIter).toBe(1);
  });

  it("skips a constant column, as sklearn does", () => {
    const model = new ElasticNet({ alpha: 0.01 }).fit(
      [
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      [1, 2, 3],
    );
    expect(model.coef[0]).toBe(0);
  });

  it("warns when it hits maxIter without converging", () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(" "));
    try {
      const model = new ElasticNet({ alpha: 0.001, maxIter: 1, tol: 0 }).fit(XTrain, yTrain);
      expect(model.nIter).toBe(1);
    } finally {
      console.warn = original;
    }
    expect(String(warnings[0])).toMatch(/n'a pas convergé en 1 itérations/);
  });
});

describe("ElasticNet rejects bad input with a clear message", () => {
  const model = () => new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 });

  it("ragged rows", () => {
    expect(() => model().fit([[1, 2], [3], [4, 5]], [1, 2, 3])).toThrow(
      "La ligne 1 de X a 1 valeurs au lieu de 2 (comme la ligne 0) : toutes les lignes doivent avoir le même nombre de valeurs.",
    );
  });

  it("NaN in X, naming the row and the column", () => {
    const X = new DataFrame({ a: [1, 2, 3], b: [4, Number.NaN, 6] });
    expect(() => model().fit(X, [1, 2, 3])).toThrow(/X contient une valeur manquante \(NaN\) \(ligne d'index 1, colonne "b"\)/);
    expect(() => model().fit([[1], [Number.POSITIVE_INFINITY]], [1, 2])).toThrow(/valeur infinie/);
  });

  it("NaN in y", () => {
    expect(() => model().fit([[1], [2], [3]], new Series([1, Number.NaN, 3]))).toThrow(
      /y contient une valeur manquante \(NaN\) à la position 1/,
    );
  });

  it("X and y of different lengths", () => {
    expect(() => model().fit(XTrain, [1, 2, 3])).toThrow(
      "X et y n'ont pas le même nombre de lignes : X en a 1199, y en a 3.",
    );
  });

  it("a DataFrame as y, or something that is not a matrix as X", () => {
    expect(() => model().fit(XTrain, XTrain as never)).toThrow(/y doit être une seule colonne/);
    expect(() => model().fit([1, 2, 3] as never, [1, 2, 3])).toThrow(/chaque ligne est elle-même un tableau/);
    expect(() => model().fit([], [])).toThrow(/X est vide/);
  });

  it("hyperparameters out of range", () => {
    expect(() => new ElasticNet({ alpha: -1 })).toThrow("alpha doit être un nombre positif ou nul (reçu : -1).");
    expect(() => new ElasticNet({ l1Ratio: 1.5 })).toThrow(/l1Ratio doit être un nombre entre 0 et 1/);
    expect(() => new ElasticNet({ maxIter: 0 })).toThrow(/maxIter doit être un entier ≥ 1/);
    expect(() => new ElasticNet({ tol: Number.NaN })).toThrow(InvalidInputError);
  });

  it("predict before fit, and predict on other columns", () => {
    expect(() => model().predict(XTest)).toThrow(NotFittedError);
    expect(() => model().coef).toThrow(/n'est pas encore entraîné : appelez d'abord fit\(X, y\)/);
    const fitted = model().fit(XTrain, yTrain);
    expect(() => fitted.predict(XTest.drop(["pH"]))).toThrow(/X a 10 colonnes, mais ce modèle ElasticNet a été entraîné avec 11 colonnes/);
    const renamed = new DataFrame(XTest.columns.map((name, i) => [i === 0 ? "acidity" : name, XTest.get(name).toArray()] as const));
    expect(() => fitted.predict(renamed)).toThrow(/Les colonnes de X ne sont pas celles de l'entraînement/);
  });
});
