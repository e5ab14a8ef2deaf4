import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { catalogEntry } from "./catalog";
import type { CodeFiles } from "./code-files";
import { blocFrontmatterSchema, type BlocFrontmatter } from "./frontmatter";
import { lessonProblems } from "./validate-lesson";

/**
 * Reads the course from `content/blocs/`: one folder per bloc (`NN-slug/`) holding
 * `lesson.mdx`, `solution/` (the code after the bloc), optionally `start/` (only when the bloc
 * does not start from the previous solution) and `python/main.py` (the original course's code).
 *
 * Authoring mistakes throw `AuthoringError`, which fails the build and the tests.
 */

export const BLOCS_DIR = path.join(process.cwd(), "content", "blocs");

/** The course's place on disk: the real one, or a fixture course in tests. */
export interface CourseSource {
  dir: string;
}

const COURSE: CourseSource = { dir: BLOCS_DIR };

const FOLDER_PATTERN = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class AuthoringError extends Error {
  override readonly name = "AuthoringError";
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
  }
}

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
export async function listBlocFolders(source: CourseSource = COURSE): Promise<Map<number, string>> {
  const folders = new Map<number, string>();
  // The course folder is read at run time on purpose (lessons are content, not code).
  for (const entry of await readdir(/*turbopackIgnore: true*/ source.dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const match = FOLDER_PATTERN.exec(entry.name);
    if (!match) throw new AuthoringError(`${where(source, entry.name)}`, "folder names must look like `NN-slug-en-minuscules`.");
    const bloc = Number(match[1]);
    const twin = folders.get(bloc);
    if (twin) throw new AuthoringError(where(source, entry.name), `bloc ${bloc} is already written in ${twin}.`);
    folders.set(bloc, entry.name);
  }
  return folders;
}

function sameFiles(a: CodeFiles, b: CodeFiles): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function where(source: CourseSource, folder: string): string {
  return path.relative(process.cwd(), path.join(source.dir, folder)).split(path.sep).join("/");
}

async function loadBlocFromFolder(
  bloc: number,
  folders: Map<number, string>,
  source: CourseSource,
  loaded: Map<number, Bloc>,
): Promise<Bloc> {
  const folder = folders.get(bloc);
  if (!folder) throw new AuthoringError(`bloc ${bloc}`, `no folder in ${where(source, "")}.`);
  const place = where(source, folder);
  const dir = path.join(source.dir, folder);

  const lessonPath = path.join(dir, "lesson.mdx");
  if (!(await exists(lessonPath))) throw new AuthoringError(place, "lesson.mdx is missing.");
  const lessonSource = await readFile(lessonPath, "utf8");
  const parsed = matter(lessonSource);
  const result = blocFrontmatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new AuthoringError(`${place}/lesson.mdx`, `bad frontmatter: ${problems}`);
  }
  const frontmatter = result.data;
  if (frontmatter.bloc !== bloc) throw new AuthoringError(`${place}/lesson.mdx`, `frontmatter says bloc ${frontmatter.bloc}, folder says ${bloc}.`);
  const entry = catalogEntry(bloc);
  if (entry && entry.title !== frontmatter.title) {
    throw new AuthoringError(`${place}/lesson.mdx`, `title "${frontmatter.title}" differs from the checklist's "${entry.title}" (lib/course/catalog.ts).`);
  }

  const solutionDir = path.join(dir, "solution");
  if (!(await exists(solutionDir))) throw new AuthoringError(place, "solution/ is missing.");
  const solutionFiles = await readCodeFolder(solutionDir);
  if (!(frontmatter.entry in solutionFiles)) throw new AuthoringError(`${place}/solution`, `the entry file ${frontmatter.entry} is missing.`);

  let startFiles: CodeFiles;
  const startDir = path.join(dir, "start");
  if (frontmatter.startFrom === "own") {
    if (!(await exists(startDir))) throw new AuthoringError(place, "startFrom is `own` but start/ is missing.");
    startFiles = await readCodeFolder(startDir);
  } else {
    if (await exists(startDir)) throw new AuthoringError(place, "start/ exists but startFrom is `previous-solution`: remove one.");
    if (bloc === 0 || !folders.has(bloc - 1)) throw new AuthoringError(place, `starts from the previous solution, but bloc ${bloc - 1} is not written.`);
    const previous = loaded.get(bloc - 1) ?? (await loadBlocFromFolder(bloc - 1, folders, source, loaded));
    startFiles = previous.solutionFiles;
  }
  if (sameFiles(startFiles, solutionFiles)) throw new AuthoringError(place, "the solution is identical to the starting code.");

  const pythonPath = path.join(dir, "python", "main.py");
  if (!(await exists(pythonPath))) throw new AuthoringError(place, "python/main.py (the original course's code) is missing.");
  const python = await readFile(pythonPath, "utf8");

  const frontmatterLines = lessonSource.slice(0, lessonSource.length - parsed.content.length).split("\n").length - 1;
  const problems = await lessonProblems(parsed.content, frontmatterLines);
  if (problems.length > 0) throw new AuthoringError(`${place}/lesson.mdx`, problems.join(" "));

  const loadedBloc: Bloc = { frontmatter, folder, body: parsed.content, startFiles, solutionFiles, python };
  loaded.set(bloc, loadedBloc);
  return loadedBloc;
}

/** Content does not change while a production server runs: load and validate it once. */
const productionCache = new Map<string, Promise<Map<number, Bloc>>>();

/** Every written bloc by number, validated, each loaded once. */
export function loadCourse(source: CourseSource = COURSE): Promise<Map<number, Bloc>> {
  const load = async () => {
    const folders = await listBlocFolders(source);
    const loaded = new Map<number, Bloc>();
    for (const bloc of [...folders.keys()].sort((a, b) => a - b)) {
      if (!loaded.has(bloc)) await loadBlocFromFolder(bloc, folders, source, loaded);
    }
    return loaded;
  };
  if (process.env.NODE_ENV !== "production") return load();
  let cached = productionCache.get(source.dir);
  if (!cached) {
    cached = load();
    productionCache.set(source.dir, cached);
    cached.catch(() => productionCache.delete(source.dir));
  }
  return cached;
}

export async function loadBloc(bloc: number, source: CourseSource = COURSE): Promise<Bloc | undefined> {
  return (await loadCourse(source)).get(bloc);
}

/** Every written bloc in order, validated (used by the build-time check and the tests). */
export async function loadAllBlocs(source: CourseSource = COURSE): Promise<Bloc[]> {
  return [...(await loadCourse(source)).values()].sort((a, b) => a.frontmatter.bloc - b.frontmatter.bloc);
}
