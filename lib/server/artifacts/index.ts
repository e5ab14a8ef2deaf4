/**
 * Artifact storage, server-side: one root per workspace, so that a workspace can never name
 * another's files. The root of all workspaces is `CUVEE_ARTIFACTS_DIR` (default `./data/artifacts`).
 */
import path from "node:path";
import { LocalDirectoryStorage } from "./local-directory";
import type { ArtifactStorage } from "./storage";

export const DEFAULT_ARTIFACTS_DIR = "./data/artifacts";

export function artifactsRootDir(): string {
  // The comment keeps Turbopack from tracing the whole project into the server output.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CUVEE_ARTIFACTS_DIR || DEFAULT_ARTIFACTS_DIR);
}

/** The artifact storage of one workspace (its id has been validated by the caller). */
export function getArtifactStorage(workspaceId: string): ArtifactStorage {
  if (!/^[A-Za-z0-9_-]+$/.test(workspaceId)) throw new Error(`invalid workspace id for artifacts: ${workspaceId}`);
  return new LocalDirectoryStorage(path.join(/* turbopackIgnore: true */ artifactsRootDir(), workspaceId));
}

export type { ArtifactEntry, ArtifactFile, ArtifactStorage } from "./storage";
export { joinArtifactPath, normalizeArtifactPath, storagePathOfArtifactUri } from "./paths";
