import { diffLines, type DiffOp } from "./line-diff";
import { entryFirst, type CodeFiles } from "./code-files";

/**
 * The "Ajout" of a bloc: what to change in the starting code to reach the solution, and where,
 * derived from the two files (never written by hand). Positions use the starting code's line
 * numbers, which is what the learner sees in the editor before editing, plus the text of the
 * anchor line so that a learner who has already edited can still find the place.
 */

export interface AjoutLine {
  kind: "added" | "removed";
  text: string;
}

export interface AjoutHunk {
  /** French, e.g. "Après la ligne 3". */
  position: string;
  /** The text of the line the position refers to, so a learner who already edited can find it. */
  anchor?: string;
  /** What to do, in French: "Ajoutez", "Supprimez" or "Remplacez par". */
  action: "Ajoutez" | "Supprimez" | "Remplacez";
  lines: AjoutLine[];
}

function anchor(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

/**
 * The nearest unchanged, non-blank line of the starting code next to a change: the line just
 * before it ("Après …") or, when another change sits in between, the one just after ("Avant …").
 */
function describePosition(ops: DiffOp[], start: number, end: number): Pick<AjoutHunk, "position" | "anchor"> {
  for (let k = start - 1; k >= 0 && ops[k]!.kind === "same"; k--) {
    const op = ops[k] as Extract<DiffOp, { kind: "same" }>;
    if (op.text.trim() !== "") return { position: `Après la ligne ${op.oldLine}`, anchor: anchor(op.text) };
  }
  for (let k = end; k < ops.length && ops[k]!.kind === "same"; k++) {
    const op = ops[k] as Extract<DiffOp, { kind: "same" }>;
    if (op.text.trim() !== "") return { position: `Avant la ligne ${op.oldLine}`, anchor: anchor(op.text) };
  }
  return { position: end >= ops.length ? "À la fin du fichier" : "Au début du fichier" };
}

/** Blank lines at the edges of a change are layout; the learner needs the lines in between. */
function trimBlankEdges(lines: AjoutLine[]): AjoutLine[] {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first]!.text.trim() === "") first++;
  while (last > first && lines[last - 1]!.text.trim() === "") last--;
  return lines.slice(first, last);
}

function removedRange(lines: DiffOp[]): string {
  const numbers = lines.flatMap((op) => (op.kind === "removed" ? [op.oldLine] : []));
  const first = numbers[0]!;
  const last = numbers.at(-1)!;
  return first === last ? `À la ligne ${first}` : `Lignes ${first} à ${last}`;
}

export function computeAjout(start: string, solution: string): AjoutHunk[] {
  const ops = diffLines(start, solution);
  const hunks: AjoutHunk[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === "same") {
      k++;
      continue;
    }
    const begin = k;
    while (k < ops.length && ops[k]!.kind !== "same") k++;
    const changed = ops.slice(begin, k);
    // Blank lines alone are layout, not an instruction.
    if (changed.every((op) => op.text.trim() === "")) continue;
    const hasAdded = changed.some((op) => op.kind === "added");
    const hasRemoved = changed.some((op) => op.kind === "removed");
    const lines = trimBlankEdges(changed.map((op) => ({ kind: op.kind as "added" | "removed", text: op.text })));
    if (hasAdded && hasRemoved) hunks.push({ position: removedRange(changed), action: "Remplacez", lines });
    else if (hasRemoved) hunks.push({ position: removedRange(changed), action: "Supprimez", lines });
    else hunks.push({ ...describePosition(ops, begin, k), action: "Ajoutez", lines });
  }
  return hunks;
}

/** The Ajout of one file of the bloc: its changes, or the whole file when the bloc adds it. */
export interface FileAjout {
  file: string;
  /** The bloc creates this file: the learner adds it (the hunks hold the whole file). */
  isNew: boolean;
  hunks: AjoutHunk[];
}

/**
 * The Ajout of every file the bloc changes or creates, the entry first, then in alphabetical
 * order. A file the solution drops is not listed: the learner cannot remove a starting file.
 */
export function computeFileAjouts(startFiles: CodeFiles, solutionFiles: CodeFiles, entry: string): FileAjout[] {
  return entryFirst(Object.keys(solutionFiles), entry)
    .map((file) => ({ file, isNew: !Object.hasOwn(startFiles, file), hunks: computeAjout(startFiles[file] ?? "", solutionFiles[file]!) }))
    .filter((ajout) => ajout.hunks.length > 0);
}
