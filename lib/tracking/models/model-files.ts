import type { HttpArtifactRepository } from "../artifact-repository";
import { MlflowException } from "../exceptions";
import { baseName, isDirectory, joinPath, listFilesRecursively, makeDirectory, readBytes, writeBytes } from "../local-files";

/** A model folder's files, wherever they are: a run's artifacts on the server, or a local folder. */
export interface ModelFiles {
  /** For messages: the URI or path the model was loaded from. */
  readonly where: string;
  readText(path: string): Promise<string>;
  /** Copies the file or folder `path` (relative to the model) under `localDir`; returns its local path. */
  download(path: string, localDir: string): Promise<string>;
}

export class ArtifactModelFiles implements ModelFiles {
  constructor(
    private readonly repository: HttpArtifactRepository,
    private readonly root: string,
    readonly where: string,
  ) {}

  readText(path: string): Promise<string> {
    return this.repository.readText(joinPath(this.root, path));
  }

  async download(path: string, localDir: string): Promise<string> {
    return this.repository.downloadArtifacts(joinPath(this.root, path), localDir);
  }
}

export class LocalModelFiles implements ModelFiles {
  constructor(readonly where: string) {}

  async readText(path: string): Promise<string> {
    return new TextDecoder().decode(await readBytes(joinPath(this.where, path)));
  }

  async download(path: string): Promise<string> {
    // Already local: nothing to copy.
    return joinPath(this.where, path);
  }
}

/** A model folder being written: relative path → content. */
export type ModelFolder = Map<string, string | Uint8Array>;

/** `save_model`: writes the folder to a local path, which must not exist yet (as in MLflow). */
export async function writeModelFolder(folder: ModelFolder, path: string): Promise<void> {
  const exists = await listFilesRecursively(path).then(
    (files) => files.length > 0,
    () => false,
  );
  if (exists) {
    throw MlflowException.local(
      "RESOURCE_ALREADY_EXISTS",
      `Path '${path}' already exists and is not empty`,
      `Le dossier « ${path} » existe déjà et n'est pas vide : choisissez un autre chemin pour enregistrer le modèle`,
    );
  }
  await makeDirectory(path);
  for (const [relative, content] of folder) await writeBytes(joinPath(path, relative), content);
}

/**
 * Reads a local file or folder into `folder` under `prefix` (a custom model's artifacts) and
 * returns where it went: `prefix` for a folder, `prefix/<file name>` for a file.
 */
export async function addLocalPath(folder: ModelFolder, localPath: string, prefix: string): Promise<string> {
  if (await isDirectory(localPath)) {
    for (const relative of await listFilesRecursively(localPath)) {
      folder.set(joinPath(prefix, relative), await readBytes(joinPath(localPath, relative)));
    }
    return prefix;
  }
  const target = joinPath(prefix, baseName(localPath));
  folder.set(target, await readBytes(localPath));
  return target;
}
