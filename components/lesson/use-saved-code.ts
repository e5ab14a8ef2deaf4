"use client";

import { useEffect, useState } from "react";
import type { CodeFiles } from "@/lib/course/code-files";
import { readSavedEdits, writeSavedEdits } from "./saved-files";
import type { FileEdits } from "./workbench-files";

/**
 * The learner's edits to a bloc's files (changed starting files and added files). They survive
 * a reload: every change is kept in this browser, per bloc and file (saved-files.ts), and read
 * back when the page opens.
 */
export function useSavedEdits(bloc: number, entry: string, startFiles: CodeFiles): [edits: FileEdits, update: (next: FileEdits) => void] {
  const [edits, setEdits] = useState<FileEdits>({});

  useEffect(() => {
    setEdits(readSavedEdits(window.localStorage, bloc, entry, startFiles));
    // The starting files are the bloc's: they change only with the bloc.
  }, [bloc, entry]);

  const update = (next: FileEdits) => {
    setEdits(next);
    writeSavedEdits(window.localStorage, bloc, next);
  };

  return [edits, update];
}
