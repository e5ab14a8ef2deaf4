import { describe, expect, it } from "vitest";

import { DataFrame, InvalidInputError, Series } from "../data";

import { RandomState } from "./random-state";
import { splitFixture, wine, wineSplit } from "./test-support/fixtures";
import { trainTestSplit } from "./train-test-split";

describe("trainTestSplit", () => {
  it("picks scikit-learn's rows, in scikit-learn's order (random_state=42, test_size=0.25)", () => {
    const { XTrain, XTest, yTrain, yTest } = wineSplit();
    expect(XTest.index).toEqual(splitFixture.test_indices);
    expect(XTrain.index).toEqual(splitFixture.train_indices);
    expect(yTest.index).toEqual(splitFixture.test_indices);
    expect(yTrain.index).toEqual(splitFixture.train_indices);
    expect(XTrain.shape).toEqual([splitFixture.n_train, 11]);
    expect(XTest.shape).toEqual([splitFixture.n_test, 11]);
  });

  it("moves whole rows: features and target stay together", () => {
    const { XTest, yTest } = wineSplit();
    const firstTestRow = splitFixture.test_indices[0] as number;
    expect(XTest.toArray()[0]).toEqual(wine.drop(["quality"]).toArray()[firstTestRow]);
    expect(yTest.at(0)).toBe(wine.get("quality").at(firstTestRow));
  });

  it("splits plain arrays the same way and returns plain arrays", () => {
    const X = wine.drop(["quality"]).toArray();
    const y = wine.get("quality").toArray();
    const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });
    expect(Array.isArray(XTrain) && Array.isArray(yTest)).toBe(true);
    expect(XTest).toEqual(splitFixture.test_indices.map((i) => X[i]));
    expect(XTrain).toEqual(splitFixture.train_indices.map((i) => X[i]));
    expect(yTrain).toEqual(splitFixture.train_indices.map((i) => y[i]));
    expect(yTest).toEqual(splitFixture.test_indices.map((i) => y[i]));
  });

  it("mixes kinds: a DataFrame with a plain array", () => {
    const X = new DataFrame({ a: [1, 2, 3, 4] });
    const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, ["w", "x", "y", "z"], { testSize: 0.5, randomState: 0 });
    expect(XTrain).toBeInstanceOf(DataFrame);
    expect(XTest.get("a").toArray().map((v) => ["w", "x", "y", "z"][v - 1])).toEqual(yTest);
    expect(yTrain).toHaveLength(2);
  });

  it("uses ceil(testSize × n) test rows and accepts a RandomState", () => {
    const [train, test] = trainTestSplit([1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7], {
      testSize: 0.3,
      randomState: new RandomState(1),
    });
    expect(test).toHaveLength(3);
    expect(train).toHaveLength(4);
  });

  it("defaults testSize to 0.25 like scikit-learn", () => {
    const [, XTest] = trainTestSplit(wine, wine.get("quality"), { randomState: 42 });
    expect(XTest.index).toEqual(splitFixture.test_indices);
  });

  it("rejects testSize outside (0, 1)", () => {
    for (const testSize of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => trainTestSplit([1, 2, 3], [1, 2, 3], { testSize, randomState: 0 })).toThrow(InvalidInputError);
    }
    expect(() => trainTestSplit([1, 2, 3], [1, 2, 3], { testSize: 25 })).toThrow(/testSize doit être un nombre strictement entre 0 et 1/);
  });

  it("rejects a split that leaves no training row", () => {
    expect(() => trainTestSplit([1], [1], { testSize: 0.25, randomState: 0 })).toThrow(/aucune ligne pour l'entraînement/);
  });

  it("rejects X and y of different lengths, naming both lengths", () => {
    expect(() => trainTestSplit(wine, new Series([1, 2, 3]), { randomState: 42 })).toThrow(
      "X et y n'ont pas le même nombre de lignes : X en a 1599, y en a 3.",
    );
  });
});
