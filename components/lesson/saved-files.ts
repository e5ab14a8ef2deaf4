import { z } from "zod";
import type { CodeFiles } from "@/lib/course/code-files";
import { withFileText, type FileEdits } from "./workbench-files";

/**
 * The learner's edits to a bloc, kept in this browser (localStorage) so they survive a reload:
 * one entry per bloc holding every file they changed or added. Before the workbench had several
 * files, each bloc kept its entry file's text alone under `cuvee:bloc:<n>:<entry>`; that text is
 * moved into the new entry the first time the bloc is opened, so no saved work is lost.
 */

export type SavedFilesStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const savedEditsSchema = z.record(z.string(), z.string()) satisfies z.ZodType<FileEdits>;

export function savedFilesKey(bloc: number): string {
  return `cuvee:bloc:${bloc}:fichiers`;
}

/** Where the single-file workbench kept a bloc's entry file. */
export function singleFileKey(bloc: number, entry: string): string {
  return `cuvee:bloc:${bloc}:${entry}`;
}

function parseEdits(raw: string): FileEdits | undefined {
  try {
    const parsed = savedEditsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The learner's saved edits to a bloc (none when nothing is saved or what is saved is unreadable), migrating the single-file key. */
export function readSavedEdits(storage: SavedFilesStorage, bloc: number, entry: string, startFiles: CodeFiles): FileEdits {
  const raw = storage.getItem(savedFilesKey(bloc));
  if (raw !== null) return parseEdits(raw) ?? {};
  const legacy = storage.getItem(singleFileKey(bloc, entry));
  if (legacy === null) return {};
  const edits = withFileText({}, startFiles, entry, legacy);
  writeSavedEdits(storage, bloc, edits);
  storage.removeItem(singleFileKey(bloc, entry));
  return edits;
}

export function writeSavedEdits(storage: SavedFilesStorage, bloc: number, edits: FileEdits): void {
  storage.setItem(savedFilesKey(bloc), JSON.stringify(edits));
}
