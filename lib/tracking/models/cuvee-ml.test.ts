import { describe, expect, it } from "vitest";
import { DummyRegressor, ElasticNet } from "../../ml";
import { MlflowException } from "../exceptions";
import { environmentFile } from "./log-model";
import { deserializeEstimator, serializeEstimator } from "./cuvee-ml";
import { resolveModelFiles } from "./model-uri";

const X = [
  [1, 2],
  [2, 1],
  [3, 5],
  [4, 3],
];
const y = [1, 2, 4, 3];

describe("the cuvee_ml flavor's serialization", () => {
  it("rebuilds fitted estimators through JSON with the same predictions, bit for bit", () => {
    for (const model of [new ElasticNet({ alpha: 0.1, l1Ratio: 0.7 }).fit(X, y), new DummyRegressor().fit(X, y)]) {
      const copy = deserializeEstimator(JSON.parse(JSON.stringify(serializeEstimator(model))));
      expect(copy.constructor).toBe(model.constructor);
      expect(copy.getParams()).toEqual(model.getParams());
      expect(copy.predict([[7, -1]])).toEqual(model.predict([[7, -1]]));
      expect(copy.nFeaturesIn).toBe(2);
    }
  });

  it("refuses what is not a kit estimator, in French", () => {
    expect(() => serializeEstimator({} as never)).toThrow(/mlflow.sklearn attend un ElasticNet ou un DummyRegressor/);
  });
});

describe("model environment and URIs", () => {
  it("pins dependencies exactly", () => {
    expect(JSON.parse(environmentFile({ extra: "2.0.1" })).dependencies).toEqual({ cuvee: "0.1.0", extra: "2.0.1" });
    expect(() => environmentFile({ extra: "~2.0" })).toThrow(/épinglée à une version exacte/);
  });

  it("refuses malformed model URIs before any request", async () => {
    for (const uri of ["runs:/abc", "models:/nom", "s3://bucket/model", ""]) {
      const error = await resolveModelFiles(uri).catch((caught: unknown) => caught);
      expect(error, uri).toBeInstanceOf(MlflowException);
      expect((error as MlflowException).errorCode, uri).toBe("INVALID_PARAMETER_VALUE");
    }
  });
});
