/**
 * The file-system errors a client's artifact path can cause, as MLflow errors. Anything else
 * (permissions, a full disk…) is the server's problem: it is rethrown and answered as a logged
 * INTERNAL_ERROR.
 */
import { TrackingError } from "@/lib/tracking/protocol";

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Nothing there: the path, or one of its parents, does not exist or is a file. */
export function isMissing(error: unknown): boolean {
  const code = codeOf(error);
  return code === "ENOENT" || code === "ENOTDIR";
}

/** A file where a directory is needed (EEXIST from `mkdir`, ENOTDIR deeper down). */
export function isFileInTheWay(error: unknown): boolean {
  const code = codeOf(error);
  return code === "EEXIST" || code === "ENOTDIR";
}

export function isDirectoryInTheWay(error: unknown): boolean {
  return codeOf(error) === "EISDIR";
}

/**
 * A file and a directory cannot share a name. MLflow's own artifact server fails there with a
 * Python OSError, answered as a 500; the code MLflow gives a name that is already taken is
 * RESOURCE_ALREADY_EXISTS (400), and the SDKs already know it.
 */
export function fileInTheWay(path: string, file: string): TrackingError {
  return TrackingError.resourceAlreadyExists(`Cannot write the artifact '${path}': '${file}' is a file, not a directory.`);
}

export function directoryInTheWay(path: string): TrackingError {
  return TrackingError.resourceAlreadyExists(`Cannot write the artifact '${path}': a directory already has that name.`);
}

/**
 * A path the file system refuses as too long. `normalizeArtifactPath` refuses long names before
 * they reach the disk; this covers a storage root deep enough to push a valid path past PATH_MAX.
 */
export function asNameTooLong(error: unknown, path: string): TrackingError | null {
  if (codeOf(error) !== "ENAMETOOLONG") return null;
  return TrackingError.invalidParameterValue(`The artifact path '${path.slice(0, 300)}' is too long for the artifact storage.`);
}
