/** Code as files: text by path (`main.ts`, `data/train.csv`), a bloc's or a learner's. */
export type CodeFiles = Record<string, string>;

/** A project's file names as the learner reads them: the entry (the file that runs) first, then alphabetical. */
export function entryFirst(paths: Iterable<string>, entry: string): string[] {
  return [...paths].sort((a, b) => (a === entry ? -1 : b === entry ? 1 : a.localeCompare(b)));
}
