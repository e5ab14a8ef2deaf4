/**
 * Artifact paths: relative, `/`-separated, never leaving their root. Every path that reaches a
 * storage goes through `normalizeArtifactPath` first; storages check containment again.
 */
import { TrackingError } from "@/lib/tracking/protocol";

const MLFLOW_ARTIFACTS_SCHEME = "mlflow-artifacts:";

function refuse(raw: string, why: string): TrackingError {
  return TrackingError.invalidParameterValue(`Invalid artifact path '${raw.slice(0, 300).replaceAll("\0", "\\0")}': ${why}.`);
}

/**
 * `a//b/./c/` → `a/b/c`; "" (or "/"-free nothing) is the root. Refuses what could escape the root
 * or mean something else on some system: `..` segments, absolute paths, backslashes, drive
 * letters, NUL and other control characters (MLflow's `validate_path_is_safe`).
 */
export function normalizeArtifactPath(raw: string): string {
  if (/[\u0000-\u001f]/.test(raw)) throw refuse(raw, "control characters are not allowed");
  if (raw.startsWith("/")) throw refuse(raw, "absolute paths are not allowed");
  if (raw.includes("\\")) throw refuse(raw, "backslashes are not allowed");
  if (/^[A-Za-z]:/.test(raw)) throw refuse(raw, "drive letters are not allowed");
  const parts = raw.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) throw refuse(raw, "'..' is not allowed");
  return parts.join("/");
}

/** Joins normalised paths ("" is the root). */
export function joinArtifactPath(...parts: readonly string[]): string {
  return parts.filter((part) => part !== "").join("/");
}

/**
 * The storage path behind an `mlflow-artifacts:` URI (`mlflow-artifacts:/1/<run>/artifacts`,
 * also `mlflow-artifacts:///…` and `mlflow-artifacts://host/…`, whose authority is ignored:
 * this server is the artifact service). Null for any other scheme.
 */
export function storagePathOfArtifactUri(uri: string): string | null {
  if (!uri.startsWith(MLFLOW_ARTIFACTS_SCHEME)) return null;
  let rest = uri.slice(MLFLOW_ARTIFACTS_SCHEME.length);
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    rest = slash === -1 ? "" : rest.slice(slash);
  }
  return normalizeArtifactPath(rest.replace(/^\/+/, ""));
}
