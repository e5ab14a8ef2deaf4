import { readFile } from "node:fs/promises";
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

/** The files a bloc's code runs with (its start, its solution or a file of yours as the entry), plus the course data. */
export async function blocRunFiles(bloc: number, choice: BlocCodeChoice, root = process.cwd()): Promise<BlocRunFiles> {
  const loaded = await loadBloc(bloc);
  if (!loaded) throw new Error(`Le bloc ${bloc} n'est pas (encore) écrit dans content/blocs.`);
  const { entry, timeLimitSeconds } = loaded.frontmatter;
  let code: CodeFiles;
  if (choice.kind === "start") code = loaded.startFiles;
  else if (choice.kind === "solution") code = loaded.solutionFiles;
  else code = { ...loaded.startFiles, [entry]: await readFile(path.resolve(root, choice.path), "utf8") };

  const data: CodeFiles = {};
  for (const name of BLOC_DATA_FILES) data[name] = await readFile(path.join(root, "public", "data", name), "utf8");
  return { files: { ...data, ...code }, entry, timeoutMs: timeLimitSeconds * 1000 };
}
