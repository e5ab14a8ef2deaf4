/**
 * Artifact listings: `artifacts/list` (service.proto ListArtifacts, per run) and the proxied
 * artifact service's listing (mlflow_artifacts.proto ListArtifacts, per path).
 */
import { z } from "zod";
import { int64, runIdentity } from "./wire";

/** A file or directory under an artifact root; `path` is relative to the listed root. */
export const FileInfoSchema = z.object({
  path: z.string(),
  is_dir: z.boolean().optional().default(false),
  /** Absent for directories. */
  file_size: int64.optional(),
});
export type FileInfo = z.infer<typeof FileInfoSchema>;

export const ListArtifactsRequestSchema = z.object({
  ...runIdentity,
  /** A directory relative to the run's artifact root; "" or absent for the root. */
  path: z.string().optional(),
  page_token: z.string().optional(),
});
export type ListArtifactsRequest = z.input<typeof ListArtifactsRequestSchema>;

export const ListArtifactsResponseSchema = z.object({
  /** The run's artifact URI (`mlflow-artifacts:/<experiment_id>/<run_id>/artifacts`). */
  root_uri: z.string().optional(),
  files: z.array(FileInfoSchema).optional().default([]),
  next_page_token: z.string().optional(),
});
export type ListArtifactsResponse = z.infer<typeof ListArtifactsResponseSchema>;

/** `GET /api/2.0/mlflow-artifacts/artifacts?path=<dir>`: the direct children of `<dir>`. */
export const ProxiedListArtifactsResponseSchema = z.object({
  files: z.array(FileInfoSchema).optional().default([]),
});
export type ProxiedListArtifactsResponse = z.infer<typeof ProxiedListArtifactsResponseSchema>;

/** Where the proxied artifact service lives, beside `/api/2.0/mlflow`. */
export const MLFLOW_ARTIFACTS_API_PREFIX = "/api/2.0/mlflow-artifacts/artifacts";
