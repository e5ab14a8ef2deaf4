import { describe, expect, it } from "vitest";
import { DataFrame, Series } from "../../data";
import { ElasticNet } from "../../ml";
import { MlflowException } from "../exceptions";
import { PyFuncModel } from "./pyfunc";
import { convertsSafely, enforceSchema, type ColumnDtype } from "./schema-enforcement";
import { inferSignature, type ColSpec, type ModelData, type SchemaEntry } from "./signature";

const wine = new DataFrame({ alcohol: [9.4, 9.8, 10.1, 11.0], ph: [3.5, 3.2, 3.3, 3.1], sulphates: [0.56, 0.68, 0.6, 0.7] });
const quality = [5, 5, 6, 7];

/** A loaded model as `mlflow.pyfunc.loadModel` returns it, with the signature inferred on `wine`. */
function loadedModel(): { model: PyFuncModel; received: ModelData[] } {
  const estimator = new ElasticNet({ alpha: 0.01 }).fit(wine, quality);
  const signature = inferSignature(wine, estimator.predict(wine));
  const received: ModelData[] = [];
  const model = new PyFuncModel(
    { flavors: {}, signature: signature.toDict() },
    (input) => {
      received.push(input);
      return estimator.predict(input as DataFrame);
    },
    estimator,
  );
  return { model, received };
}

function failure(run: () => unknown): MlflowException {
  try {
    run();
  } catch (error) {
    if (error instanceof MlflowException) return error;
    throw error;
  }
  throw new Error("expected an MlflowException");
}

const named = (type: ColSpec["type"], name: string): ColSpec => ({ type, name, required: true });

describe("PyFuncModel.predict enforces the logged signature (mlflow.models.utils._enforce_schema)", () => {
  it("refuses a frame without a signature column, naming it, before the model runs", async () => {
    const { model, received } = loadedModel();
    const error = await model.predict(wine.drop(["ph"])).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MlflowException);
    const exception = error as MlflowException;
    expect(exception.errorCode).toBe("INVALID_PARAMETER_VALUE");
    expect(exception.serverMessage).toContain("Model is missing inputs ['ph'].");
    expect(exception.message).toBe(
      "Le modèle refuse ces données : il manque la colonne « ph », déclarée dans sa signature (INVALID_PARAMETER_VALUE)",
    );
    expect(received).toEqual([]);
  });

  it("ignores extra columns and hands the model the signature's columns in the signature's order", async () => {
    const { model, received } = loadedModel();
    const shuffled = new DataFrame([
      ["sulphates", wine.get("sulphates").toArray()],
      ["cépage", [1, 2, 3, 4]],
      ["ph", wine.get("ph").toArray()],
      ["alcohol", wine.get("alcohol").toArray()],
    ]);
    expect(await model.predict(shuffled)).toEqual(await model.predict(wine));
    expect((received[0] as DataFrame).columns).toEqual(["alcohol", "ph", "sulphates"]);
  });

  it("lists every missing column, and the extra ones, as MLflow does", () => {
    const error = failure(() => enforceSchema(new DataFrame({ alcohol: [1], cepage: [2] }), [named("double", "alcohol"), named("double", "ph"), named("double", "sulphates")]));
    expect(error.serverMessage).toContain("Model is missing inputs ['ph', 'sulphates']. Note that there were extra inputs: ['cepage']");
    expect(error.message).toContain("il manque les colonnes « ph », « sulphates », déclarées dans sa signature (colonnes reçues en trop : « cepage »)");
  });

  it("treats arrays and unnamed series as pandas does: positional column names, so named columns are missing", () => {
    const schema: SchemaEntry[] = [named("double", "alcohol"), named("double", "ph")];
    expect(failure(() => enforceSchema([[9.4, 3.5]], schema)).serverMessage).toContain("Model is missing inputs ['alcohol', 'ph']");
    expect(enforceSchema(new Series([9.4], { name: "alcohol" }), [named("double", "alcohol")])).toBeInstanceOf(DataFrame);
    expect(failure(() => enforceSchema([9.4, 9.8], [named("double", "alcohol")])).message).toContain("« alcohol »");
  });

  it("skips optional columns that are absent", () => {
    const frame = enforceSchema(new DataFrame({ alcohol: [9.4] }), [named("double", "alcohol"), { type: "double", name: "ph", required: false }]);
    expect((frame as DataFrame).columns).toEqual(["alcohol"]);
  });

  it("refuses a column whose type cannot be converted safely, naming the column and both types", () => {
    const error = failure(() => enforceSchema(wine, [named("double", "alcohol"), named("long", "ph")]));
    expect(error.serverMessage).toContain("Incompatible input types for column ph. Can not safely convert float64 to int64.");
    expect(error.message).toContain(
      "La colonne « ph » contient des nombres à virgule (double) alors que la signature du modèle attend des entiers (long)",
    );
    expect(failure(() => enforceSchema(wine, [named("float", "alcohol")])).serverMessage).toContain("float64 to float32");
    expect(failure(() => enforceSchema(wine, [named("string", "alcohol")])).message).toContain("texte (string)");
  });

  it("checks only the count and positional types when the signature has no column names", () => {
    const unnamed: SchemaEntry[] = [{ type: "double" }, { type: "double" }, { type: "double" }];
    expect(enforceSchema(wine, unnamed)).toBe(wine);
    const error = failure(() => enforceSchema([[1, 2]], unnamed));
    expect(error.serverMessage).toContain("The model signature declares 3 inputs  but the provided value only has 2 inputs");
    expect(error.message).toContain("sa signature déclare 3 colonnes");
  });

  it("checks a tensor's fixed width", () => {
    const tensor: SchemaEntry[] = [{ type: "tensor", "tensor-spec": { dtype: "float64", shape: [-1, 3] } }];
    expect(enforceSchema([[1, 2, 3]], tensor)).toEqual([[1, 2, 3]]);
    expect(failure(() => enforceSchema([[1, 2]], tensor)).message).toContain("attend 3 valeurs par ligne, 2 reçues");
    expect(enforceSchema([1, 2], [{ type: "tensor", "tensor-spec": { dtype: "float64", shape: [-1] } }])).toEqual([1, 2]);
  });
});

describe("convertsSafely (MLflow's safe conversions)", () => {
  const dtype = (kind: ColumnDtype["kind"], itemsize: number): ColumnDtype => ({ kind, itemsize, name: `${kind}${itemsize}` });

  it("allows widening and small integers into double, refuses what would change values", () => {
    expect(convertsSafely(dtype("i", 4), dtype("f", 8))).toBe(true); // int32 → double
    expect(convertsSafely(dtype("i", 8), dtype("f", 8))).toBe(false); // int64 → double may lose digits
    expect(convertsSafely(dtype("i", 4), dtype("i", 8))).toBe(true); // integer → long
    expect(convertsSafely(dtype("i", 8), dtype("i", 4))).toBe(false); // long → integer
    expect(convertsSafely(dtype("u", 1), dtype("i", 2))).toBe(true);
    expect(convertsSafely(dtype("u", 2), dtype("i", 2))).toBe(false);
    expect(convertsSafely(dtype("f", 4), dtype("f", 8))).toBe(true); // float → double
    expect(convertsSafely(dtype("f", 8), dtype("f", 4))).toBe(false); // double → float
    expect(convertsSafely(dtype("f", 8), dtype("i", 8))).toBe(false); // double → long
  });
});
