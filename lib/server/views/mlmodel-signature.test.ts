import { describe, expect, it } from "vitest";
import { parseMlmodelSignature } from "./mlmodel-signature";

const MLMODEL = `artifact_path: model
flavors:
  python_function:
    loader_module: mlflow.sklearn
signature:
  inputs: '[{"type": "double", "name": "alcohol", "required": true}, {"type": "double", "name": "pH", "required": true}]'
  outputs: '[{"type": "tensor", "tensor-spec": {}, "tensor_spec": {"dtype": "float64", "shape": [-1]}}]'
`;

describe("parseMlmodelSignature", () => {
  it("reads MLflow's column and tensor specs", () => {
    expect(parseMlmodelSignature(MLMODEL)).toEqual({
      inputs: [
        { name: "alcohol", type: "double" },
        { name: "pH", type: "double" },
      ],
      outputs: [{ name: "#0", type: "tensor float64 [-1]" }],
    });
  });

  it("is null without a signature or for a broken file", () => {
    expect(parseMlmodelSignature("artifact_path: model\n")).toBeNull();
    expect(parseMlmodelSignature("signature: [unclosed")).toBeNull();
  });
});
