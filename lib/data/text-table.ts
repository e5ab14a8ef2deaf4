/**
 * Plain-text rendering of frames and series for `console.log`, close to what pandas prints, so
 * that output looks familiar to learners coming from the Python course.
 */

/** pandas shows the first and last 5 rows of anything longer than this. */
const MAX_ROWS_SHOWN = 10;
const ROWS_AT_EACH_END = 5;

/** Row positions to print, with `null` standing for the "..." line. */
export function rowsToShow(rowCount: number): (number | null)[] {
  if (rowCount <= MAX_ROWS_SHOWN) return Array.from({ length: rowCount }, (_, i) => i);
  const head = Array.from({ length: ROWS_AT_EACH_END }, (_, i) => i);
  const tail = Array.from({ length: ROWS_AT_EACH_END }, (_, i) => rowCount - ROWS_AT_EACH_END + i);
  return [...head, null, ...tail];
}

/** Columns separated by two spaces: row labels (first cell) left-aligned, values right-aligned, as pandas does. */
export function alignColumns(lines: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const line of lines) {
    line.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return lines
    .map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ").trimEnd())
    .join("\n");
}

/** Same text as JavaScript's `String(value)`, which is deterministic across engines. */
export function formatCell(value: number): string {
  return String(value);
}

/** Lets Node's `console.log` print the object through its `toString()`. */
export const nodeInspectSymbol: unique symbol = Symbol.for("nodejs.util.inspect.custom");
