/** `ArtifactStorage` over a local directory (one per workspace). */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { asNameTooLong, directoryInTheWay, fileInTheWay, isDirectoryInTheWay, isFileInTheWay, isMissing } from "./fs-errors";
import { normalizeArtifactPath } from "./paths";
import type { ArtifactEntry, ArtifactFile, ArtifactStorage } from "./storage";

/** Files being written end so: `list` skips them. */
const PARTIAL_SUFFIX = ".partial";

export class LocalDirectoryStorage implements ArtifactStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The absolute file path of an artifact path, checked to stay inside the root. */
  private resolve(artifactPath: string): string {
    const relative = normalizeArtifactPath(artifactPath);
    const absolute = path.resolve(this.root, relative);
    if (absolute !== this.root && !absolute.startsWith(this.root + path.sep)) {
      throw new Error(`artifact path escapes its root: ${artifactPath}`);
    }
    return absolute;
  }

  /** Runs one file-system operation, turning what the client's path caused into MLflow errors. */
  private async guarded<T>(artifactPath: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw asNameTooLong(error, artifactPath) ?? error;
    }
  }

  /** The first parent of `artifactPath` that is a file (what keeps its directory from existing). */
  private async fileAmongParents(artifactPath: string): Promise<string | null> {
    const parts = normalizeArtifactPath(artifactPath).split("/");
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join("/");
      const info = await stat(this.resolve(parent)).catch(() => null);
      if (!info) return null;
      if (!info.isDirectory()) return parent;
    }
    return null;
  }

  async put(artifactPath: string, body: ReadableStream<Uint8Array> | Uint8Array): Promise<void> {
    const target = this.resolve(artifactPath);
    if (target === this.root) throw new Error("cannot write the artifact root itself");
    await this.guarded(artifactPath, async () => {
      try {
        await mkdir(path.dirname(target), { recursive: true });
      } catch (error) {
        const file = isFileInTheWay(error) ? await this.fileAmongParents(artifactPath) : null;
        throw file === null ? error : fileInTheWay(artifactPath, file);
      }
      // Checked before the body is read, so that a refused upload is not stored first.
      if ((await stat(target).catch(() => null))?.isDirectory()) throw directoryInTheWay(artifactPath);
      // Written beside the target then renamed: a reader never sees half a file. The temporary
      // name does not grow with the target's, which may already be as long as a name can be.
      const temporary = path.join(path.dirname(target), `.${randomUUID()}${PARTIAL_SUFFIX}`);
      try {
        const source = body instanceof Uint8Array ? Readable.from([body]) : Readable.fromWeb(body as import("node:stream/web").ReadableStream);
        await pipeline(source, createWriteStream(temporary));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        // A directory created at the target while the body was being written.
        throw isDirectoryInTheWay(error) ? directoryInTheWay(artifactPath) : error;
      }
    });
  }

  async get(artifactPath: string): Promise<ArtifactFile | null> {
    const target = this.resolve(artifactPath);
    return this.guarded(artifactPath, async () => {
      try {
        const info = await stat(target);
        if (!info.isFile()) return null;
        const stream = Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>;
        return { size: info.size, body: stream };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    });
  }

  async list(artifactPath: string): Promise<ArtifactEntry[]> {
    const directory = this.resolve(artifactPath);
    return this.guarded(artifactPath, async () => {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      const entries: ArtifactEntry[] = [];
      for (const name of names.sort()) {
        if (name.endsWith(PARTIAL_SUFFIX)) continue;
        const info = await stat(path.join(directory, name)).catch(() => null);
        if (!info) continue;
        entries.push(info.isDirectory() ? { name, isDir: true, size: null } : { name, isDir: false, size: info.size });
      }
      return entries;
    });
  }

  async delete(artifactPath: string): Promise<boolean> {
    const target = this.resolve(artifactPath);
    return this.guarded(artifactPath, async () => {
      try {
        await stat(target);
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
      await rm(target, { recursive: true, force: true });
      return true;
    });
  }
}
