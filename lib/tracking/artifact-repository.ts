import { parseJson } from "./call-endpoint";
import { MlflowException } from "./exceptions";
import { sendToServer } from "./http";
import { baseName, joinPath, listFilesRecursively, makeDirectory, readBytes, writeBytes } from "./local-files";
import { track } from "./pending";
import { MLFLOW_ARTIFACTS_API_PREFIX, ProxiedListArtifactsResponseSchema } from "./protocol/artifacts";

/** Like Python's `mlflow.entities.FileInfo`: a path relative to the artifact root. */
export interface FileInfo {
  path: string;
  isDir: boolean;
  /** Size in bytes (files only). */
  fileSize?: number;
}

/**
 * MLflow's `verify_artifact_path`, plus what the proxy refuses anyway: artifact paths are
 * relative POSIX paths without `..`.
 */
export function checkArtifactPath(path: string | undefined, what = "artifactPath"): void {
  if (path === undefined || path === "") return;
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path) || path.split(/[\\/]/).includes("..")) {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Invalid artifact path: '${path}'. ${what} must be a relative path without '..'.`,
      `Chemin d'artefact invalide : « ${path} ». ${what} doit être un chemin relatif, sans « .. » ni « / » au début`,
    );
  }
}

/**
 * The artifacts of one run (or any `mlflow-artifacts:` root) on the tracking server, like
 * MLflow's `MlflowArtifactsRepository` (an `HttpArtifactRepository` over the proxied artifact
 * service): PUT uploads a file, GET downloads it, GET `?path=` lists a folder.
 */
export class HttpArtifactRepository {
  /** `http://host/w/<id>/api/2.0/mlflow-artifacts/artifacts/<experiment>/<run>/artifacts` */
  readonly baseUrl: string;
  private readonly servicePath: string;

  constructor(
    readonly artifactUri: string,
    private readonly trackingUri: string,
  ) {
    this.servicePath = resolveArtifactRoot(artifactUri);
    this.baseUrl = `${trackingUri}${MLFLOW_ARTIFACTS_API_PREFIX}${this.servicePath === "" ? "" : `/${encodePath(this.servicePath)}`}`;
  }

  /** Uploads bytes as `<artifactPath>` (a file path relative to the root). */
  logBytes(artifactPath: string, data: Uint8Array | string, contentType = "application/octet-stream"): Promise<void> {
    checkArtifactPath(artifactPath);
    const body: BodyInit = typeof data === "string" ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
    return track(
      sendToServer(this.trackingUri, `${this.baseUrl}/${encodePath(artifactPath)}`, {
        method: "PUT",
        body,
        headers: { "Content-Type": contentType },
      }).then(() => undefined),
    );
  }

  /** `log_artifact`: uploads a local file into `artifactPath` (a folder), keeping its name. */
  async logArtifact(localFile: string, artifactPath?: string): Promise<void> {
    checkArtifactPath(artifactPath);
    await this.logBytes(joinPath(artifactPath, baseName(localFile)), await readBytes(localFile));
  }

  /** `log_artifacts`: uploads every file under a local folder, keeping the tree, into `artifactPath`. */
  async logArtifacts(localDir: string, artifactPath?: string): Promise<void> {
    checkArtifactPath(artifactPath);
    for (const relative of await listFilesRecursively(localDir)) {
      await this.logBytes(joinPath(artifactPath, relative), await readBytes(joinPath(localDir, relative)));
    }
  }

  /** `list_artifacts`: the direct children of `path` (the root by default), with paths relative to the root. */
  async listArtifacts(path?: string): Promise<FileInfo[]> {
    checkArtifactPath(path, "path");
    const listed = joinPath(this.servicePath, path);
    const url = `${this.trackingUri}${MLFLOW_ARTIFACTS_API_PREFIX}?${new URLSearchParams({ path: listed })}`;
    const response = await track(sendToServer(this.trackingUri, url, { method: "GET" }));
    const parsed = ProxiedListArtifactsResponseSchema.safeParse(parseJson(await response.text()) ?? {});
    if (!parsed.success) {
      throw new MlflowException("INTERNAL_ERROR", `Unexpected artifact listing for '${listed}': ${parsed.error.message}`);
    }
    return parsed.data.files.map((file) => {
      // MLflow's proxy answers names relative to the listed folder; tolerate servers that repeat the folder.
      const name = file.path.startsWith(`${listed}/`) ? file.path.slice(listed.length + 1) : file.path;
      const info: FileInfo = { path: joinPath(path, name), isDir: file.is_dir };
      if (file.file_size !== undefined) info.fileSize = file.file_size;
      return info;
    });
  }

  /** The bytes of one artifact file. */
  async readBytes(artifactPath: string): Promise<Uint8Array> {
    checkArtifactPath(artifactPath, "path");
    const response = await track(sendToServer(this.trackingUri, `${this.baseUrl}/${encodePath(artifactPath)}`, { method: "GET" }));
    return new Uint8Array(await response.arrayBuffer());
  }

  async readText(artifactPath: string): Promise<string> {
    return new TextDecoder().decode(await this.readBytes(artifactPath));
  }

  /**
   * `download_artifacts`: copies a file or a whole folder (`""` for everything) into `dstPath`
   * and returns the local path of what was downloaded.
   */
  async downloadArtifacts(artifactPath: string, dstPath: string): Promise<string> {
    checkArtifactPath(artifactPath, "path");
    const isFolder = artifactPath === "" || (await this.isFolder(artifactPath));
    const localRoot = joinPath(dstPath, artifactPath) || dstPath;
    if (!isFolder) {
      await writeBytes(localRoot, await this.readBytes(artifactPath));
      return localRoot;
    }
    await makeDirectory(localRoot);
    for (const file of await this.listArtifacts(artifactPath || undefined)) {
      if (file.isDir) await this.downloadArtifacts(file.path, dstPath);
      else await writeBytes(joinPath(dstPath, file.path), await this.readBytes(file.path));
    }
    return localRoot;
  }

  /** MLflow's `_is_directory`: a path is a folder when listing it gives entries (a file lists as nothing). */
  private async isFolder(artifactPath: string): Promise<boolean> {
    return (await this.listArtifacts(artifactPath)).length > 0;
  }
}

/** `mlflow-artifacts:/0/<run>/artifacts` → `0/<run>/artifacts` (the path under the proxied service). */
function resolveArtifactRoot(artifactUri: string): string {
  const match = /^mlflow-artifacts:(?:\/\/[^/]*)?(\/.*)?$/.exec(artifactUri);
  if (!match) {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `Unsupported artifact URI '${artifactUri}': this SDK reads and writes mlflow-artifacts:/ URIs served by the tracking server.`,
      `URI d'artefacts non prise en charge : « ${artifactUri} ». Le SDK lit et écrit les artefacts servis par le serveur de suivi (mlflow-artifacts:/…)`,
    );
  }
  return (match[1] ?? "").replace(/^\/+|\/+$/g, "");
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
