/**
 * Pure helpers the compare charts share: which keys are worth an axis by default, and how a
 * long key fits under its axis without overlapping its neighbours or running off the chart.
 */

/** The keys whose value is not the same in every run (a value missing in a run counts as one). */
export function varyingKeys<R>(keys: readonly string[], runs: readonly R[], valueOf: (run: R, key: string) => unknown): string[] {
  return keys.filter((key) => new Set(runs.map((run) => String(valueOf(run, key)))).size > 1);
}

/** The first key that varies across the runs, else the first key: what a chart shows by default. */
export function defaultKey<R>(keys: readonly string[], runs: readonly R[], valueOf: (run: R, key: string) => unknown): string {
  return varyingKeys(keys, runs, valueOf)[0] ?? keys[0] ?? "";
}

/**
 * `label` on at most `maxLines` lines of at most `maxChars` characters, broken after `_`, `.`,
 * `/` or `-` when it can be, else inside a word; the last line ends with "…" when the label does
 * not fit (the chart shows the full name on hover).
 */
export function wrapLabel(label: string, maxChars: number, maxLines: number): string[] {
  const width = Math.max(2, Math.floor(maxChars));
  const lines: string[] = [];
  let rest = label;
  while (rest.length > 0 && lines.length < maxLines) {
    if (rest.length <= width) {
      lines.push(rest);
      rest = "";
      break;
    }
    const window = rest.slice(0, width);
    const breakAt = Math.max(window.lastIndexOf("_"), window.lastIndexOf("."), window.lastIndexOf("/"), window.lastIndexOf("-"));
    const cut = breakAt > 0 ? breakAt + 1 : width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) {
    const last = lines.pop() ?? "";
    lines.push(`${last.slice(0, width - 1)}…`);
  }
  return lines;
}
