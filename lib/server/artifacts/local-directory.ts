/** `ArtifactStorage` over a local directory (one per workspace). */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { normalizeArtifactPath } from "./paths";
import type { ArtifactEntry, ArtifactFile, ArtifactStorage } from "./storage";

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

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

  async put(artifactPath: string, body: ReadableStream<Uint8Array> | Uint8Array): Promise<void> {
    const target = this.resolve(artifactPath);
    if (target === this.root) throw new Error("cannot write the artifact root itself");
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside the target then renamed: a reader never sees half a file.
    const temporary = `${target}.${randomUUID()}.partial`;
    try {
      const source = body instanceof Uint8Array ? Readable.from([body]) : Readable.fromWeb(body as import("node:stream/web").ReadableStream);
      await pipeline(source, createWriteStream(temporary));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(artifactPath: string): Promise<ArtifactFile | null> {
    const target = this.resolve(artifactPath);
    try {
      const info = await stat(target);
      if (!info.isFile()) return null;
      const stream = Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>;
      return { size: info.size, body: stream };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async list(artifactPath: string): Promise<ArtifactEntry[]> {
    const directory = this.resolve(artifactPath);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const entries: ArtifactEntry[] = [];
    for (const name of names.sort()) {
      if (name.endsWith(".partial")) continue;
      const info = await stat(path.join(directory, name)).catch(() => null);
      if (!info) continue;
      entries.push(info.isDirectory() ? { name, isDir: true, size: null } : { name, isDir: false, size: info.size });
    }
    return entries;
  }

  async delete(artifactPath: string): Promise<boolean> {
    const target = this.resolve(artifactPath);
    try {
      await stat(target);
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    await rm(target, { recursive: true, force: true });
    return true;
  }
}
