/**
 * Where artifacts live, behind one small interface: a local directory today (`local-directory.ts`),
 * an S3 bucket later. A storage is bound to one workspace's root; paths are normalised relative
 * paths (`paths.ts`), so nothing outside that root can be named.
 */

export interface ArtifactEntry {
  /** The entry's name inside the listed directory (no slash). */
  name: string;
  isDir: boolean;
  /** Bytes; null for directories. */
  size: number | null;
}

export interface ArtifactFile {
  size: number;
  /** The file's bytes, streamed. */
  body: ReadableStream<Uint8Array>;
}

export interface ArtifactStorage {
  /** Writes (or replaces) the file at `path`, creating its parent directories. */
  put(path: string, body: ReadableStream<Uint8Array> | Uint8Array): Promise<void>;
  /** The file at `path`; null when there is no file there (a directory is not a file). */
  get(path: string): Promise<ArtifactFile | null>;
  /** The direct children of the directory `path` ("" = the root), sorted by name; [] when absent. */
  list(path: string): Promise<ArtifactEntry[]>;
  /** Removes the file or the whole directory at `path`; false when nothing was there. */
  delete(path: string): Promise<boolean>;
}
