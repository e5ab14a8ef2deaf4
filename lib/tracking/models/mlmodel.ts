import { parse as parseYaml, stringify as toYaml } from "yaml";
import { z } from "zod";
import { MlflowException } from "../exceptions";
import { ModelSignature } from "./signature";

/**
 * The `MLmodel` file at the root of every model folder (mlflow/models/model.py): which flavors
 * can load the model, its signature, its input example, and where it was logged.
 */

export const MLMODEL_FILE = "MLmodel";

/** The model's environment file, a package.json with exact versions (MLflow writes requirements.txt / conda.yaml). */
export const ENVIRONMENT_FILE = "package.json";

/** The generic loader's flavor, MLflow's `python_function` for JavaScript runtimes. */
export const JS_FUNCTION_FLAVOR = "js_function";

const MlModelSchema = z.object({
  artifact_path: z.string().optional(),
  flavors: z.record(z.string(), z.record(z.string(), z.unknown())),
  model_uuid: z.string().optional(),
  run_id: z.string().optional(),
  saved_input_example_info: z.record(z.string(), z.unknown()).optional(),
  signature: z
    .object({ inputs: z.string().nullable().optional(), outputs: z.string().nullable().optional() })
    .passthrough()
    .optional(),
  utc_time_created: z.string().optional(),
});
export type MlModel = z.infer<typeof MlModelSchema>;

/** Python's `str(datetime.utcnow())`: `2026-11-26 14:05:00.123000`. */
export function utcTimeCreated(now = new Date()): string {
  return `${now.toISOString().slice(0, 23).replace("T", " ")}000`;
}

/**
 * MLflow's `uuid.uuid4().hex`. Built from `getRandomValues`, not `randomUUID`: the browser
 * sandbox's workers run on an opaque origin, which is not a secure context on plain http, and
 * `randomUUID` exists only in secure contexts (decision 010).
 */
export function newModelUuid(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function mlmodelToYaml(model: MlModel): string {
  return toYaml(model, { lineWidth: 0 });
}

export function parseMlmodel(text: string, where: string): MlModel {
  const parsed = MlModelSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Invalid MLmodel file at '${where}': ${parsed.error.message}`,
      `Le fichier MLmodel de « ${where} » est illisible : ce dossier n'est pas un modèle MLflow valide`,
    );
  }
  return parsed.data;
}

/** What `logModel` returns (like Python's `mlflow.models.model.ModelInfo`). */
export interface ModelInfo {
  artifactPath: string;
  flavors: Record<string, Record<string, unknown>>;
  /** `runs:/<run_id>/<artifact_path>`, to load the model back. */
  modelUri: string;
  modelUuid: string;
  runId: string;
  savedInputExampleInfo?: Record<string, unknown>;
  signature?: ModelSignature;
  utcTimeCreated: string;
  /** The registry version created when `registeredModelName` was given. */
  registeredModelVersion?: string;
}

export function signatureOf(model: MlModel): ModelSignature | undefined {
  return model.signature ? ModelSignature.fromDict(model.signature) : undefined;
}
