/**
 * The signature block of an MLmodel file (YAML; `signature.inputs` / `outputs` hold JSON strings
 * of column specs, as MLflow writes them), for the version page.
 */
import { parse } from "yaml";

export interface SignatureColumn {
  name: string;
  type: string;
}

export interface ModelSignature {
  inputs: SignatureColumn[];
  outputs: SignatureColumn[];
}

function columns(raw: unknown): SignatureColumn[] {
  if (typeof raw !== "string") return [];
  let specs: unknown;
  try {
    specs = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(specs)) return [];
  return specs.map((spec: unknown, index) => {
    const record = (spec ?? {}) as Record<string, unknown>;
    const type = typeof record.type === "string" ? record.type : "?";
    const tensor = record.tensor_spec as { dtype?: string; shape?: unknown } | undefined;
    return {
      name: typeof record.name === "string" ? record.name : `#${index}`,
      type: type === "tensor" && tensor ? `tensor ${tensor.dtype ?? ""} ${JSON.stringify(tensor.shape ?? [])}` : type,
    };
  });
}

/** Null when the file has no signature or is not valid YAML. */
export function parseMlmodelSignature(mlmodel: string): ModelSignature | null {
  let document: unknown;
  try {
    document = parse(mlmodel);
  } catch {
    return null;
  }
  const signature = (document as { signature?: { inputs?: unknown; outputs?: unknown } } | null)?.signature;
  if (!signature) return null;
  return { inputs: columns(signature.inputs), outputs: columns(signature.outputs) };
}
