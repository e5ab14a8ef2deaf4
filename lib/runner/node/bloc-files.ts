import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { loadBloc } from "@/lib/course/load";
import { BLOC_DATA_FILES } from "../bloc-data";
import type { CodeFiles } from "../types";

export type BlocCodeChoice = { kind: "start" } | { kind: "solution" } | { kind: "file"; path: string };

export interface BlocRunFiles {
  files: CodeFiles;
  entry: string;
  timeoutMs: number;
}

/**
 * Your code for a bloc: a file is the bloc's entry (its other starting files beside it); a folder
 * holds your project's `.ts` files, the entry among them (a bloc with several files).
 */
async function yourFiles(target: string, entry: string, startFiles: CodeFiles): Promise<CodeFiles> {
  if (!(await stat(target)).isDirectory()) return { ...startFiles, [entry]: await readFile(target, "utf8") };
  const files: CodeFiles = {};
  for (const name of await readdir(target)) {
    if (name.endsWith(".ts")) files[name] = await readFile(path.join(target, name), "utf8");
  }
  if (!(entry in files)) throw new Error(`Le dossier ${target} n'a pas de fichier ${entry}, le point d'entrée du bloc.`);
  return files;
}

/** The files a bloc's code runs with (its start, its solution, or your file or folder), plus the course data. */
export async function blocRunFiles(bloc: number, choice: BlocCodeChoice, root = process.cwd()): Promise<BlocRunFiles> {
  const loaded = await loadBloc(bloc);
  if (!loaded) throw new Error(`Le bloc ${bloc} n'est pas (encore) écrit dans content/blocs.`);
  const { entry, timeLimitSeconds } = loaded.frontmatter;
  let code: CodeFiles;
  if (choice.kind === "start") code = loaded.startFiles;
  else if (choice.kind === "solution") code = loaded.solutionFiles;
  else code = await yourFiles(path.resolve(root, choice.path), entry, loaded.startFiles);

  const data: CodeFiles = {};
  for (const name of BLOC_DATA_FILES) data[name] = await readFile(path.join(root, "public", "data", name), "utf8");
  return { files: { ...data, ...code }, entry, timeoutMs: timeLimitSeconds * 1000 };
}
