import { DataFrame, Series } from "../../data";
import { MlflowException } from "../exceptions";

/**
 * Model signatures (mlflow/models/signature.py, mlflow/types/schema.py): the columns a model
 * takes and what it returns, stored in `MLmodel` as JSON strings exactly as MLflow writes them,
 * so MLflow's tools read ours.
 */

/** A named (or unnamed) column: MLflow's `ColSpec`. The kit's data are doubles; the other types come from models logged elsewhere. */
export interface ColSpec {
  type: "double" | "float" | "long" | "integer" | "string" | "boolean" | "binary" | "datetime";
  name?: string;
  required?: boolean;
}

/** An array: MLflow's `TensorSpec` (`shape` -1 = any length). */
export interface TensorSpec {
  type: "tensor";
  "tensor-spec": { dtype: "float64"; shape: number[] };
}

export type SchemaEntry = ColSpec | TensorSpec;

/** Like Python's `mlflow.models.ModelSignature`. */
export class ModelSignature {
  constructor(
    readonly inputs: SchemaEntry[],
    readonly outputs?: SchemaEntry[],
  ) {}

  /** MLflow's `to_dict()`: each schema as a JSON string (with Python's `json.dumps` spacing). */
  toDict(): { inputs: string; outputs: string | null; params: null } {
    return { inputs: pythonJson(this.inputs), outputs: this.outputs ? pythonJson(this.outputs) : null, params: null };
  }

  /** MLflow's `from_dict()`. */
  static fromDict(dict: { inputs?: string | null; outputs?: string | null }): ModelSignature {
    const parse = (text: string | null | undefined) => (text ? (JSON.parse(text) as SchemaEntry[]) : undefined);
    return new ModelSignature(parse(dict.inputs) ?? [], parse(dict.outputs));
  }

  /** The input column names, when the inputs are named columns. */
  inputNames(): string[] | undefined {
    const names = this.inputs.map((entry) => ("name" in entry ? entry.name : undefined));
    return names.every((name): name is string => typeof name === "string") ? names : undefined;
  }
}

/** What a model may take or give: the kit's `DataFrame`/`Series` or plain arrays. */
export type ModelData = DataFrame | Series | readonly (readonly number[])[] | readonly number[];

function schemaOf(data: ModelData, what: string): SchemaEntry[] {
  if (data instanceof DataFrame) return data.columns.map((name) => ({ type: "double", name, required: true }));
  if (data instanceof Series) return [data.name ? { type: "double", name: data.name, required: true } : { type: "double", required: true }];
  if (Array.isArray(data)) {
    const first: unknown = data[0];
    if (Array.isArray(first)) return [{ type: "tensor", "tensor-spec": { dtype: "float64", shape: [-1, first.length] } }];
    if (data.length === 0 || typeof first === "number") return [{ type: "tensor", "tensor-spec": { dtype: "float64", shape: [-1] } }];
  }
  throw MlflowException.local(
    "INVALID_PARAMETER_VALUE",
    `Cannot infer a schema from the model ${what}: expected a DataFrame, a Series, number[][] or number[].`,
    `Impossible de déduire le schéma (${what === "input" ? "entrée" : "sortie"} du modèle) : donnez un DataFrame, une Series, un number[][] ou un number[]`,
  );
}

/**
 * The signature of a model from an example of its input and of its output
 * (mirrors `mlflow.models.infer_signature`).
 */
export function inferSignature(modelInput: ModelData, modelOutput?: ModelData): ModelSignature {
  return new ModelSignature(schemaOf(modelInput, "input"), modelOutput === undefined ? undefined : schemaOf(modelOutput, "output"));
}

/** Python's `json.dumps` spacing (`", "` and `": "`), which MLflow's MLmodel files show. */
export function pythonJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(", ")}}`;
}

/**
 * The input example file (mlflow/models/utils.py `_Example`): a DataFrame in pandas' "split"
 * orientation, arrays as `{"inputs": …}`; at most `maxRows` rows are kept.
 */
export function inputExampleFile(example: ModelData): { json: string; info: Record<string, string> } {
  if (example instanceof DataFrame) {
    return {
      json: JSON.stringify({ columns: example.columns, data: example.toArray() }),
      info: { artifact_path: "input_example.json", type: "dataframe", pandas_orient: "split" },
    };
  }
  const values = example instanceof Series ? example.toArray() : example;
  return { json: JSON.stringify({ inputs: values }), info: { artifact_path: "input_example.json", type: "ndarray", format: "tf-serving" } };
}
