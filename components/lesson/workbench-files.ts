import { entryFirst, type CodeFiles } from "@/lib/course/code-files";

/**
 * The files of the workbench, as pure functions: which files the learner sees (the bloc's
 * starting files with their edits, plus the files they added), in which order, and which names a
 * new file may take. The React state and the browser storage sit on top (use-saved-code.ts).
 */

/** Characters of a learner's file name: long enough for `sklearn-wrapper.ts`, short enough for a tab. */
export const FILE_NAME_MAX_CHARS = 40;

/** The learner's edits to a bloc: the text of every file they changed or added, by path. */
export type FileEdits = CodeFiles;

/** The files the learner works on: the starting files, overlaid with their edits and additions. */
export function workbenchFiles(startFiles: CodeFiles, edits: FileEdits): CodeFiles {
  return { ...startFiles, ...edits };
}

/** The tabs' order: the entry file first (the one that runs), then the others in alphabetical order. */
export function orderedFileNames(files: CodeFiles, entry: string): string[] {
  return entryFirst(Object.keys(files), entry);
}

/** A file the learner created: not one of the bloc's starting files (only these may be removed). */
export function isAddedFile(path: string, startFiles: CodeFiles): boolean {
  return !Object.hasOwn(startFiles, path);
}

const NAME_PATTERN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/**
 * Why a new file may not take this name, in French; null when it may. The files all live at the
 * project's root next to the entry (the runtimes resolve `./nom` from there), so a name is a
 * plain `.ts` file name: no folder, no `..`, no name already taken.
 */
export function fileNameProblem(name: string, existing: readonly string[]): string | null {
  if (name.trim() === "") return "Donnez un nom au fichier, par exemple « modele.ts ».";
  if (name !== name.trim() || /\s/.test(name)) return "Le nom ne doit pas contenir d'espace.";
  if (name.length > FILE_NAME_MAX_CHARS) return `Le nom est trop long : ${FILE_NAME_MAX_CHARS} caractères au plus.`;
  if (name.includes("/") || name.includes("\\") || name.includes("..")) {
    return "Le nom ne peut contenir ni « / », ni « \\ », ni « .. » : tous les fichiers sont à la racine du projet.";
  }
  if (!name.endsWith(".ts") || name.endsWith(".d.ts")) return "Le fichier doit être un fichier TypeScript se terminant par « .ts » (pas « .d.ts »).";
  if (!NAME_PATTERN.test(name)) return "Utilisez seulement des lettres sans accent, des chiffres, « - », « _ » et des points.";
  if (existing.some((other) => other.toLowerCase() === name.toLowerCase())) return `Le fichier « ${name} » existe déjà.`;
  return null;
}

/** The edits after the learner typed `text` in `path`: a starting file back to its start is no edit. */
export function withFileText(edits: FileEdits, startFiles: CodeFiles, path: string, text: string): FileEdits {
  const next = { ...edits };
  if (!isAddedFile(path, startFiles) && startFiles[path] === text) delete next[path];
  else next[path] = text;
  return next;
}

/** The edits once `path` is reset: a starting file gets its starting code back, an added file is emptied. */
export function resetFile(edits: FileEdits, startFiles: CodeFiles, path: string): FileEdits {
  return withFileText(edits, startFiles, path, startFiles[path] ?? "");
}

/** The edits without an added file (a starting file cannot be removed). */
export function removeAddedFile(edits: FileEdits, startFiles: CodeFiles, path: string): FileEdits {
  if (!isAddedFile(path, startFiles)) return edits;
  const next = { ...edits };
  delete next[path];
  return next;
}

/** The solution's files the learner does not have yet (a new file the bloc asks them to create). */
export function missingSolutionFiles(files: CodeFiles, solutionFiles: CodeFiles): string[] {
  return Object.keys(solutionFiles).filter((path) => !Object.hasOwn(files, path));
}
