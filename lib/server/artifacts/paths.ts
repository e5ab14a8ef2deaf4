/**
 * Artifact paths: relative, `/`-separated, never leaving their root. Every path that reaches a
 * storage goes through `normalizeArtifactPath` first; storages check containment again.
 */
import { TrackingError } from "@/lib/tracking/protocol";

const MLFLOW_ARTIFACTS_SCHEME = "mlflow-artifacts:";

/**
 * The longest name one path segment may have, in UTF-8 bytes: NAME_MAX of the usual file systems
 * (ext4, XFS, Btrfs, APFS). Refused up front, a longer name would reach the disk and fail there.
 */
export const MAX_ARTIFACT_SEGMENT_BYTES = 255;

/**
 * The longest artifact path, in UTF-8 bytes: with the storage root in front, it stays far below
 * PATH_MAX (4096 on Linux). MLflow sets no limit of its own; its clients write paths a few dozen
 * bytes long (`<experiment>/<run>/artifacts/model/MLmodel`).
 */
export const MAX_ARTIFACT_PATH_BYTES = 1024;

const utf8Length = (text: string): number => Buffer.byteLength(text, "utf8");

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
  if (parts.some((part) => utf8Length(part) > MAX_ARTIFACT_SEGMENT_BYTES)) {
    throw refuse(raw, `a name is longer than ${MAX_ARTIFACT_SEGMENT_BYTES} bytes`);
  }
  const normalized = parts.join("/");
  if (utf8Length(normalized) > MAX_ARTIFACT_PATH_BYTES) throw refuse(raw, `it is longer than ${MAX_ARTIFACT_PATH_BYTES} bytes`);
  return normalized;
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
