/**
 * `node:fs/promises` in the browser. next.config.mjs aliases that specifier to this module for
 * browser bundles (`turbopack.resolveAlias` with the `browser` condition), so the kit's
 * `import("node:fs/promises")` reaches the sandbox's in-memory file system: the same code reads
 * the real disk in Node and the learner's files in the Web Worker.
 */
import type { MemoryFileSystem } from "./memory-fs";

type FsPromises = MemoryFileSystem["promises"];

let current: FsPromises | undefined;

/** The sandbox installs the run's file system before learner code starts. */
export function installBrowserFileSystem(fs: FsPromises | undefined): void {
  current = fs;
}

function fs(): FsPromises {
  if (!current) throw new Error("Aucun système de fichiers n'est disponible dans ce contexte (bac à sable non démarré).");
  return current;
}

export const readFile: FsPromises["readFile"] = (...args) => fs().readFile(...args);
export const writeFile: FsPromises["writeFile"] = (...args) => fs().writeFile(...args);
export const appendFile: FsPromises["appendFile"] = (...args) => fs().appendFile(...args);
export const mkdir: FsPromises["mkdir"] = (...args) => fs().mkdir(...args);
export const readdir: FsPromises["readdir"] = (...args) => fs().readdir(...args);
export const stat: FsPromises["stat"] = (...args) => fs().stat(...args);
export const access: FsPromises["access"] = (...args) => fs().access(...args);
export const rm: FsPromises["rm"] = (...args) => fs().rm(...args);

const browserFs = { readFile, writeFile, appendFile, mkdir, readdir, stat, access, rm };
export default browserFs;
