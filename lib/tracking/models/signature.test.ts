import { describe, expect, it } from "vitest";
import { DataFrame, Series } from "../../data";
import { MlflowException } from "../exceptions";
import { inferSignature, inputExampleFile, ModelSignature, pythonJson } from "./signature";

describe("inferSignature (mlflow.models.infer_signature)", () => {
  it("names DataFrame columns as doubles and arrays as float64 tensors, in MLflow's JSON", () => {
    const frame = new DataFrame({ alcohol: [9.4, 9.8], ph: [3.5, 3.2] });
    const signature = inferSignature(frame, [5.1, 5.2]);
    expect(signature.toDict()).toEqual({
      inputs: '[{"type": "double", "name": "alcohol", "required": true}, {"type": "double", "name": "ph", "required": true}]',
      outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]',
      params: null,
    });
    expect(ModelSignature.fromDict(signature.toDict()).inputNames()).toEqual(["alcohol", "ph"]);
    expect(inferSignature([[1, 2, 3]]).inputs).toEqual([{ type: "tensor", "tensor-spec": { dtype: "float64", shape: [-1, 3] } }]);
    expect(inferSignature(new Series([1], { name: "quality" })).inputs).toEqual([{ type: "double", name: "quality", required: true }]);
    expect(() => inferSignature("texte" as never)).toThrow(MlflowException);
  });

  it("writes input examples as pandas' split orientation, or as inputs", () => {
    const frame = new DataFrame({ a: [1, 2] });
    expect(inputExampleFile(frame)).toEqual({
      json: '{"columns":["a"],"data":[[1],[2]]}',
      info: { artifact_path: "input_example.json", type: "dataframe", pandas_orient: "split" },
    });
    expect(inputExampleFile([[1, 2]]).info.type).toBe("ndarray");
  });

  it("spaces JSON like Python's json.dumps", () => {
    expect(pythonJson({ a: [1, { b: "c" }], d: null })).toBe('{"a": [1, {"b": "c"}], "d": null}');
  });
});
