import { getArtifactStorage, joinArtifactPath, storagePathOfArtifactUri, type ArtifactStorage } from "@/lib/server/artifacts";
import type { Run } from "@/lib/server/tracking/entities";

/**
 * A run's artifacts as the server stores them (the same storage the artifact API serves), for
 * checks such as "the run has `package.json`" or "a folder with at least two files".
 */
export class RunArtifacts {
  private constructor(
    private readonly storage: ArtifactStorage,
    /** The run's artifact root inside the workspace's storage. */
    private readonly root: string,
  ) {}

  /** Null when the run's artifact URI is not served by this server (not `mlflow-artifacts:`). */
  static of(workspaceId: string, run: Run): RunArtifacts | null {
    const root = storagePathOfArtifactUri(run.info.artifactUri);
    return root === null ? null : new RunArtifacts(getArtifactStorage(workspaceId), root);
  }

  /** Every file under `path` ("" = the whole run), relative to the run's root, sorted. */
  async files(path = ""): Promise<string[]> {
    const found: string[] = [];
    for (const entry of await this.storage.list(joinArtifactPath(this.root, path))) {
      const child = joinArtifactPath(path, entry.name);
      if (entry.isDir) found.push(...(await this.files(child)));
      else found.push(child);
    }
    return found.sort();
  }

  /** The file's text, or null when there is no file at that path. */
  async readText(path: string): Promise<string | null> {
    const file = await this.storage.get(joinArtifactPath(this.root, path));
    return file ? new Response(file.body).text() : null;
  }
}
