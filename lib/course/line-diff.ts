/**
 * A line diff (longest common subsequence), small and exact: lesson files are a few dozen
 * lines, so the quadratic table costs nothing and keeps the result easy to reason about.
 */

export type DiffOp =
  | { kind: "same"; oldLine: number; newLine: number; text: string }
  | { kind: "added"; newLine: number; text: string }
  | { kind: "removed"; oldLine: number; text: string };

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Line numbers are 1-based, as editors show them. */
export function diffLines(before: string, after: string): DiffOp[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // common[i][j] = length of the LCS of a[i..] and b[j..]
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: "same", oldLine: i + 1, newLine: j + 1, text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // On a tie, removals come first: "replace X by Y" reads X then Y.
      ops.push({ kind: "removed", oldLine: i + 1, text: a[i]! });
      i++;
    } else {
      ops.push({ kind: "added", newLine: j + 1, text: b[j]! });
      j++;
    }
  }
  return ops;
}
