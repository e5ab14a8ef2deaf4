import { DataFrame, Series } from "../../data";
import { MlflowException } from "../exceptions";
import type { ColSpec, ModelData, SchemaEntry, TensorSpec } from "./signature";

/**
 * Signature enforcement at prediction time (mirrors `_enforce_schema` in mlflow/models/utils.py):
 * a loaded model refuses data whose columns or types do not match its logged input schema,
 * before the model computes anything, so a wrong request fails with a message naming the column
 * instead of producing silent garbage or an obscure error deep in the model.
 */

/** A column's storage type, as numpy names it (`kind` + bytes per value), what MLflow compares. */
export interface ColumnDtype {
  readonly kind: "f" | "i" | "u" | "b" | "O" | "S" | "M";
  readonly itemsize: number;
  readonly name: string;
}

/** Every value the kit holds is a JavaScript number: numpy's float64. */
export const KIT_DTYPE: ColumnDtype = { kind: "f", itemsize: 8, name: "float64" };

/** The numpy dtype each MLflow column type converts to (`DataType.to_numpy()`). */
const NUMPY_TYPE_OF: Record<ColSpec["type"], ColumnDtype> = {
  double: { kind: "f", itemsize: 8, name: "float64" },
  float: { kind: "f", itemsize: 4, name: "float32" },
  long: { kind: "i", itemsize: 8, name: "int64" },
  integer: { kind: "i", itemsize: 4, name: "int32" },
  boolean: { kind: "b", itemsize: 1, name: "bool" },
  string: { kind: "O", itemsize: 8, name: "object" },
  binary: { kind: "S", itemsize: 1, name: "bytes" },
  datetime: { kind: "M", itemsize: 8, name: "datetime64[ns]" },
};

/** MLflow's French name for each type, as the learner reads it in an error. */
const FRENCH_TYPE: Record<string, string> = {
  float64: "nombres à virgule (double)",
  int64: "entiers (long)",
  int32: "entiers (integer)",
  float32: "nombres à virgule simple précision (float)",
  bool: "booléens (boolean)",
  object: "texte (string)",
  bytes: "octets (binary)",
  "datetime64[ns]": "dates (datetime)",
};

/**
 * Whether values of `source` can become `target` without changing them (MLflow's
 * `_enforce_mlflow_datatype`): same kind and no narrower; unsigned into a wider signed;
 * integers of at most 6 bytes into double. Anything else (double → long, double → float…) is refused.
 */
export function convertsSafely(source: ColumnDtype, target: ColumnDtype): boolean {
  if (source.kind === target.kind) return source.itemsize <= target.itemsize;
  if (source.kind === "u" && target.kind === "i") return source.itemsize < target.itemsize;
  if ((source.kind === "i" || source.kind === "u") && target.kind === "f" && target.itemsize === 8) return source.itemsize <= 6;
  return false;
}

function schemaFailure(english: string, french: string): MlflowException {
  // pyfunc's predict wraps every enforcement error as INVALID_PARAMETER_VALUE ("Failed to enforce schema…").
  return MlflowException.local("INVALID_PARAMETER_VALUE", `Failed to enforce schema of data. Error: ${english}`, french);
}

function pythonList(names: readonly string[]): string {
  return `[${names.map((name) => `'${name}'`).join(", ")}]`;
}

function frenchList(names: readonly string[]): string {
  return names.map((name) => `« ${name} »`).join(", ");
}

/** What pandas makes of the input (`pd.DataFrame(pf_input)`): arrays get positional column names "0", "1"… */
function asFrame(data: ModelData): DataFrame {
  if (data instanceof DataFrame) return data;
  if (data instanceof Series) return new DataFrame([[data.name || "0", data.toArray()]], { index: data.index });
  const rows = data as readonly (readonly number[] | number)[];
  if (rows.every((row) => typeof row === "number")) return new DataFrame([["0", rows as readonly number[]]]);
  const width = rows.reduce<number>((most, row) => Math.max(most, Array.isArray(row) ? row.length : 1), 0);
  return new DataFrame(
    Array.from({ length: width }, (_, c) => [String(c), rows.map((row) => (Array.isArray(row) ? (row[c] ?? Number.NaN) : Number.NaN))] as const),
  );
}

function checkColumnType(name: string, spec: ColSpec): void {
  const target = NUMPY_TYPE_OF[spec.type];
  if (convertsSafely(KIT_DTYPE, target)) return;
  const targetName = target.name;
  throw schemaFailure(
    `Incompatible input types for column ${name}. Can not safely convert ${KIT_DTYPE.name} to ${targetName}.`,
    `La colonne « ${name} » contient des ${FRENCH_TYPE[KIT_DTYPE.name]} alors que la signature du modèle attend des ` +
      `${FRENCH_TYPE[targetName]} : cette conversion changerait les valeurs, le modèle refuse ces données`,
  );
}

/** Named columns: every required column present (extras ignored), types checked, columns in the schema's order. */
function enforceNamedColumns(data: ModelData, specs: readonly ColSpec[]): DataFrame {
  const frame = asFrame(data);
  const present = new Set(frame.columns);
  const required = specs.filter((spec) => spec.required !== false).map((spec) => spec.name as string);
  const missing = required.filter((name) => !present.has(name));
  if (missing.length > 0) {
    const known = new Set(specs.map((spec) => spec.name));
    const extra = frame.columns.filter((name) => !known.has(name));
    const plural = missing.length > 1;
    throw schemaFailure(
      `Model is missing inputs ${pythonList(missing)}.${extra.length > 0 ? ` Note that there were extra inputs: ${pythonList(extra)}` : ""}`,
      `Le modèle refuse ces données : ${plural ? "il manque les colonnes" : "il manque la colonne"} ${frenchList(missing)}, ` +
        `${plural ? "déclarées" : "déclarée"} dans sa signature` +
        (extra.length > 0 ? ` (colonnes reçues en trop : ${frenchList(extra)})` : ""),
    );
  }
  const kept = specs.filter((spec) => present.has(spec.name as string));
  for (const spec of kept) checkColumnType(spec.name as string, spec);
  return new DataFrame(
    kept.map((spec) => [spec.name as string, frame.get(spec.name as string).toArray()] as const),
    { index: frame.index },
  );
}

/** Unnamed columns: only the count and, by position, the types can be checked (as MLflow does). */
function enforceUnnamedColumns(data: ModelData, specs: readonly ColSpec[]): ModelData {
  const width = asFrame(data).columns.length;
  if (width < specs.length) {
    throw schemaFailure(
      `Model inference is missing inputs. The model signature declares ${specs.length} inputs  but the provided value only has ${width} inputs.`,
      `Le modèle refuse ces données : sa signature déclare ${specs.length} colonnes (sans nom, seul leur nombre est vérifié), ${width} reçues`,
    );
  }
  specs.forEach((spec, position) => checkColumnType(String(position), spec));
  return data;
}

/** A float64 tensor: only its fixed second dimension can differ (every kit value is already float64). */
function enforceTensor(data: ModelData, spec: TensorSpec): ModelData {
  const width = spec["tensor-spec"].shape[1];
  if (width === undefined || width === -1) return data;
  const actual = data instanceof Series || (Array.isArray(data) && typeof data[0] === "number") ? 1 : asFrame(data).columns.length;
  if (actual !== width) {
    throw schemaFailure(
      `Shape of input (-1, ${actual}) does not match expected shape (${spec["tensor-spec"].shape.join(", ")}).`,
      `Le modèle refuse ces données : sa signature attend ${width} valeurs par ligne, ${actual} reçues`,
    );
  }
  return data;
}

/**
 * The data the model should receive, or an `MlflowException` naming what does not match the
 * model's input schema (mirrors `_enforce_schema`).
 */
export function enforceSchema(data: ModelData, inputs: readonly SchemaEntry[]): ModelData {
  const first = inputs[0];
  if (!first) return data;
  if (first.type === "tensor") return enforceTensor(data, first);
  const columns = inputs.filter((entry): entry is ColSpec => entry.type !== "tensor");
  return columns.every((spec) => typeof spec.name === "string") ? enforceNamedColumns(data, columns) : enforceUnnamedColumns(data, columns);
}
