import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { catalogEntry } from "./catalog";
import { blocFrontmatterSchema, type BlocFrontmatter } from "./frontmatter";

/**
 * Reads the course from `content/blocs/`: one folder per bloc (`NN-slug/`) holding
 * `lesson.mdx`, `solution/` (the code after the bloc), optionally `start/` (only when the bloc
 * does not start from the previous solution) and `python/main.py` (the original course's code).
 *
 * Authoring mistakes throw `AuthoringError`, which fails the build and the tests.
 */

export const BLOCS_DIR = path.join(process.cwd(), "content", "blocs");

const FOLDER_PATTERN = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class AuthoringError extends Error {
  override readonly name = "AuthoringError";
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
  }
}

export type CodeFiles = Record<string, string>;

export interface Bloc {
  frontmatter: BlocFrontmatter;
  /** Folder name, e.g. `01-premiere-experience`. */
  folder: string;
  /** The lesson's MDX body (frontmatter removed). */
  body: string;
  startFiles: CodeFiles;
  solutionFiles: CodeFiles;
  /** The original course's Python for this bloc, shown beside the TypeScript. */
  python: string;
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

async function readCodeFolder(folder: string): Promise<CodeFiles> {
  const files: CodeFiles = {};
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files[path.relative(folder, full).split(path.sep).join("/")] = await readFile(full, "utf8");
    }
  }
  await walk(folder);
  return files;
}

/** Folder names of the written blocs, by bloc number. */
export async function listBlocFolders(): Promise<Map<number, string>> {
  const folders = new Map<number, string>();
  for (const entry of await readdir(BLOCS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const match = FOLDER_PATTERN.exec(entry.name);
    if (!match) throw new AuthoringError(`content/blocs/${entry.name}`, "folder names must look like `NN-slug-en-minuscules`.");
    const bloc = Number(match[1]);
    const twin = folders.get(bloc);
    if (twin) throw new AuthoringError(`content/blocs/${entry.name}`, `bloc ${bloc} is already written in ${twin}.`);
    folders.set(bloc, entry.name);
  }
  return folders;
}

function sameFiles(a: CodeFiles, b: CodeFiles): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

async function loadBlocFromFolder(bloc: number, folders: Map<number, string>): Promise<Bloc> {
  const folder = folders.get(bloc);
  if (!folder) throw new AuthoringError(`bloc ${bloc}`, "no folder in content/blocs.");
  const where = `content/blocs/${folder}`;
  const dir = path.join(BLOCS_DIR, folder);

  const lessonPath = path.join(dir, "lesson.mdx");
  if (!(await exists(lessonPath))) throw new AuthoringError(where, "lesson.mdx is missing.");
  const parsed = matter(await readFile(lessonPath, "utf8"));
  const result = blocFrontmatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new AuthoringError(`${where}/lesson.mdx`, `bad frontmatter: ${problems}`);
  }
  const frontmatter = result.data;
  if (frontmatter.bloc !== bloc) throw new AuthoringError(`${where}/lesson.mdx`, `frontmatter says bloc ${frontmatter.bloc}, folder says ${bloc}.`);
  const entry = catalogEntry(bloc);
  if (entry && entry.title !== frontmatter.title) {
    throw new AuthoringError(`${where}/lesson.mdx`, `title "${frontmatter.title}" differs from the checklist's "${entry.title}" (lib/course/catalog.ts).`);
  }

  const solutionDir = path.join(dir, "solution");
  if (!(await exists(solutionDir))) throw new AuthoringError(where, "solution/ is missing.");
  const solutionFiles = await readCodeFolder(solutionDir);
  if (!(frontmatter.entry in solutionFiles)) throw new AuthoringError(`${where}/solution`, `the entry file ${frontmatter.entry} is missing.`);

  let startFiles: CodeFiles;
  const startDir = path.join(dir, "start");
  if (frontmatter.startFrom === "own") {
    if (!(await exists(startDir))) throw new AuthoringError(where, "startFrom is `own` but start/ is missing.");
    startFiles = await readCodeFolder(startDir);
  } else {
    if (await exists(startDir)) throw new AuthoringError(where, "start/ exists but startFrom is `previous-solution`: remove one.");
    if (bloc === 0 || !folders.has(bloc - 1)) throw new AuthoringError(where, `starts from the previous solution, but bloc ${bloc - 1} is not written.`);
    startFiles = (await loadBlocFromFolder(bloc - 1, folders)).solutionFiles;
  }
  if (sameFiles(startFiles, solutionFiles)) throw new AuthoringError(where, "the solution is identical to the starting code.");

  const pythonPath = path.join(dir, "python", "main.py");
  if (!(await exists(pythonPath))) throw new AuthoringError(where, "python/main.py (the original course's code) is missing.");
  const python = await readFile(pythonPath, "utf8");

  return { frontmatter, folder, body: parsed.content, startFiles, solutionFiles, python };
}

export async function loadBloc(bloc: number): Promise<Bloc | undefined> {
  const folders = await listBlocFolders();
  if (!folders.has(bloc)) return undefined;
  return loadBlocFromFolder(bloc, folders);
}

/** Every written bloc, validated (used by the build-time check and the tests). */
export async function loadAllBlocs(): Promise<Bloc[]> {
  const folders = await listBlocFolders();
  const blocs: Bloc[] = [];
  for (const bloc of [...folders.keys()].sort((a, b) => a - b)) blocs.push(await loadBlocFromFolder(bloc, folders));
  return blocs;
}
