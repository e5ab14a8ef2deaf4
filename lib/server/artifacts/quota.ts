/**
 * How much an upload may write: a ceiling per file and a quota per workspace, so that one
 * visitor of a public deployment cannot fill the disk. The upload is counted while it streams to
 * storage and abandoned as soon as it passes what it is allowed (memory and disk stay bounded);
 * a declared `Content-Length` over it is refused before a byte is read.
 *
 * The quota is checked against what is on disk when the upload starts: two uploads racing in the
 * same workspace may together pass it by at most one file's ceiling.
 */
import { TrackingError } from "@/lib/tracking/protocol";
import { byteLimitFromEnv, declaredLength } from "@/lib/server/rest";
import type { ArtifactStorage } from "./storage";

export const DEFAULT_ARTIFACT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_ARTIFACT_QUOTA_BYTES = 200 * 1024 * 1024;

export interface ArtifactLimits {
  /** Bytes of one artifact file (`CUVEE_ARTIFACT_MAX_FILE_BYTES`). */
  maxFileBytes: number;
  /** Bytes of all the artifacts of one workspace (`CUVEE_ARTIFACT_QUOTA_BYTES`). */
  quotaBytes: number;
}

export function artifactLimits(env: Readonly<Record<string, string | undefined>> = process.env): ArtifactLimits {
  return {
    maxFileBytes: byteLimitFromEnv("CUVEE_ARTIFACT_MAX_FILE_BYTES", DEFAULT_ARTIFACT_MAX_FILE_BYTES, env),
    quotaBytes: byteLimitFromEnv("CUVEE_ARTIFACT_QUOTA_BYTES", DEFAULT_ARTIFACT_QUOTA_BYTES, env),
  };
}

// 413: what HTTP (and Flask) answer to a body too large; MLflow's clients do not retry it, as
// they would a 429 (RESOURCE_EXHAUSTED's usual status).
export function artifactFileTooLarge(path: string, maxFileBytes: number): TrackingError {
  return new TrackingError(
    "INVALID_PARAMETER_VALUE",
    `Artifact file '${path}' is larger than the limit of ${maxFileBytes} bytes per file.`,
    { httpStatus: 413 },
  );
}

export function artifactQuotaExceeded(path: string, quotaBytes: number, usedBytes: number): TrackingError {
  return new TrackingError(
    "RESOURCE_EXHAUSTED",
    `Artifact file '${path}' does not fit in this workspace's artifact quota of ${quotaBytes} bytes (${usedBytes} bytes already used).`,
    { httpStatus: 413 },
  );
}

/** Bytes of every file under the storage root, except the file at `replaced` (an upload overwrites it). */
export async function usedBytes(storage: ArtifactStorage, replaced: string): Promise<number> {
  let total = 0;
  const pending = [""];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    for (const entry of await storage.list(directory)) {
      const path = directory === "" ? entry.name : `${directory}/${entry.name}`;
      if (entry.isDir) pending.push(path);
      else if (path !== replaced) total += entry.size ?? 0;
    }
  }
  return total;
}

/**
 * The body of an upload to `path`, bounded by the file ceiling and what is left of the quota:
 * a stream that fails with the matching MLflow error as soon as it passes either.
 */
export async function boundedUpload(
  storage: ArtifactStorage,
  path: string,
  request: Request,
  limits: ArtifactLimits = artifactLimits(),
): Promise<ReadableStream<Uint8Array> | Uint8Array> {
  const used = await usedBytes(storage, path);
  const left = Math.max(0, limits.quotaBytes - used);
  const refuse = (bytes: number): TrackingError =>
    bytes > limits.maxFileBytes ? artifactFileTooLarge(path, limits.maxFileBytes) : artifactQuotaExceeded(path, limits.quotaBytes, used);
  const allowed = Math.min(limits.maxFileBytes, left);

  const declared = declaredLength(request);
  if (declared !== undefined && declared > allowed) {
    await request.body?.cancel().catch(() => undefined);
    throw refuse(declared);
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        total += value.byteLength;
        if (total > allowed) {
          await reader.cancel().catch(() => undefined);
          controller.error(refuse(total));
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Pull one chunk at a time: nothing is read ahead of what storage has written.
    { highWaterMark: 0 },
  );
}
