/**
 * The kit's only door to files. Core modules never import `node:fs` at the top level, so that
 * they load in a browser Web Worker: the file system module is imported when a file is actually
 * read or written. In Node and in a WebContainer it is the real one; the browser runner maps
 * the `node:fs/promises` specifier to its in-memory file system, which must offer
 * `readFile(path, "utf8")` and `writeFile(path, text)`.
 */

/** A function that reads a whole text file (UTF-8). */
export type ReadTextFile = (path: string) => Promise<string>;

/** A function that writes a whole text file (UTF-8), replacing it if it exists. */
export type WriteTextFile = (path: string, text: string) => Promise<void>;

export const readTextFile: ReadTextFile = async (path) => {
  const fs = await import("node:fs/promises");
  return fs.readFile(path, "utf8");
};

export const writeTextFile: WriteTextFile = async (path, text) => {
  const fs = await import("node:fs/promises");
  await fs.writeFile(path, text); // strings are written as UTF-8
};

/** True when `error` is Node's "no such file or directory". */
export function isFileNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}
