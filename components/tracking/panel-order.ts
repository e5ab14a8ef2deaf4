/**
 * How the live panel lays out a long history: the experiments the current bloc writes to first
 * and open, the others folded and newest activity first; a run's long lists of params and
 * metrics folded behind "+ N autres". Pure functions, so that how the panel fetches its data
 * can change without touching what it shows first.
 */
import type { PanelExperiment } from "./panel-data";

export interface PanelLayout {
  /** Shown open, in this order. */
  open: PanelExperiment[];
  /** Shown folded (a summary line each), most recently active first. */
  folded: PanelExperiment[];
}

/** The newest run's start time; experiments without runs come after those with some. */
function lastActivity(experiment: PanelExperiment): number {
  return experiment.runs.reduce((latest, run) => Math.max(latest, run.startTime), Number.NEGATIVE_INFINITY);
}

/**
 * `experiments` as the REST API lists them (oldest created first); `current` the names the
 * current bloc writes to; `writtenNow` the ids of experiments that received a run while the
 * page is open (a bloc may write to experiments whose names its code computes), open after the
 * current ones. The empty `Default` experiment is left out: it is noise until used. When no
 * experiment is open by these rules, the most recently active one is.
 */
export function layoutPanel(
  experiments: readonly PanelExperiment[],
  current: readonly string[],
  writtenNow: ReadonlySet<string> = new Set(),
): PanelLayout {
  const shown = experiments.filter((experiment) => experiment.runs.length > 0 || experiment.name !== "Default");
  const byActivity = shown
    .map((experiment, index) => ({ experiment, index, activity: lastActivity(experiment) }))
    // Newest activity first; between equals (no runs), the newest created first.
    .sort((a, b) => b.activity - a.activity || b.index - a.index)
    .map(({ experiment }) => experiment);
  const focus = current.flatMap((name) => shown.filter((experiment) => experiment.name === name));
  const open = [...focus, ...byActivity.filter((experiment) => !focus.includes(experiment) && writtenNow.has(experiment.experimentId))];
  if (open.length === 0) open.push(...byActivity.slice(0, 1));
  return { open, folded: byActivity.filter((experiment) => !open.includes(experiment)) };
}

export interface Folded<T> {
  visible: T[];
  hidden: T[];
}

/**
 * The first `limit` items, plus any later one `keep` asks to keep in view; the rest hidden.
 * Hiding a single item saves no room (its "+ 1 autre" line is as tall), so it stays visible.
 */
export function foldList<T>(items: readonly T[], limit: number, keep: (item: T) => boolean = () => false): Folded<T> {
  const visible: T[] = [];
  const hidden: T[] = [];
  items.forEach((item, index) => (index < limit || keep(item) ? visible : hidden).push(item));
  if (hidden.length === 1) return { visible: [...items], hidden: [] };
  return { visible, hidden };
}

/** "+ 12 autres" in French, singular when one. */
export function moreLabel(count: number): string {
  return `+ ${count} autre${count > 1 ? "s" : ""}`;
}
