/**
 * The artifact tree of a run, for the run page's viewer. It reads the workspace's artifact
 * storage through the same functions as the REST `artifacts/list` handler (the run's
 * `mlflow-artifacts:` URI → a storage path → `storage.list`), walking the folders on the server
 * so the page can show the whole tree at once.
 */
import { getArtifactStorage, joinArtifactPath, storagePathOfArtifactUri, type ArtifactStorage } from "@/lib/server/artifacts";
import type { RunInfo } from "@/lib/server/tracking";

export interface ArtifactNode {
  /** Relative to the run's artifact root (`model/MLmodel`). */
  path: string;
  name: string;
  isDir: boolean;
  size: number | null;
  children: ArtifactNode[];
}

export interface ArtifactTree {
  /** `/w/<id>/api/2.0/mlflow-artifacts/artifacts/<exp>/<run>/artifacts`: append `/<path>` to download a file. */
  downloadBase: string | null;
  nodes: ArtifactNode[];
  /** True when the walk stopped at MAX_ARTIFACT_NODES entries. */
  truncated: boolean;
}

/** A run with more files than this is not browsed in full (the page says so). */
export const MAX_ARTIFACT_NODES = 2000;

async function walk(storage: ArtifactStorage, root: string, relative: string, budget: { left: number; truncated: boolean }): Promise<ArtifactNode[]> {
  const entries = await storage.list(joinArtifactPath(root, relative));
  const nodes: ArtifactNode[] = [];
  for (const entry of entries) {
    if (budget.left <= 0) {
      budget.truncated = true;
      break;
    }
    budget.left -= 1;
    const path = joinArtifactPath(relative, entry.name);
    nodes.push({
      path,
      name: entry.name,
      isDir: entry.isDir,
      size: entry.size,
      children: entry.isDir ? await walk(storage, root, path, budget) : [],
    });
  }
  // Folders first, as MLflow's artifact view lists them.
  return nodes.sort((a, b) => Number(b.isDir) - Number(a.isDir) || a.name.localeCompare(b.name));
}

export async function artifactTree(workspaceId: string, info: RunInfo): Promise<ArtifactTree> {
  const root = storagePathOfArtifactUri(info.artifactUri);
  if (root === null) return { downloadBase: null, nodes: [], truncated: false };
  const budget = { left: MAX_ARTIFACT_NODES, truncated: false };
  const nodes = await walk(getArtifactStorage(workspaceId), root, "", budget);
  const encodedRoot = root.split("/").map(encodeURIComponent).join("/");
  return {
    downloadBase: `/w/${encodeURIComponent(workspaceId)}/api/2.0/mlflow-artifacts/artifacts/${encodedRoot}`,
    nodes,
    truncated: budget.truncated,
  };
}
