/**
 * Which part of the live panel a change of the workspace asks to read again, and how the
 * changes that arrive while a fetch is in flight add up into the next one.
 */
import type { ChangeScope } from "@/lib/tracking/protocol/changes";

/**
 * What the next fetch must read: the list of experiments, the runs of some experiments (or of
 * all those shown), the registry.
 */
export interface PanelNeed {
  experiments: boolean;
  runsOf: ReadonlySet<string> | "all";
  models: boolean;
}

/** Opening the stream, or reopening it after missed writes, reads everything. */
export const EVERYTHING: PanelNeed = { experiments: true, runsOf: "all", models: true };

/**
 * The need of one change. A run named without its experiment is looked up among the runs the
 * panel knows (`experimentOfRun`); a run it does not know yet (its creation's fetch may still be
 * in flight) rereads the runs of every experiment, which is one search all the same.
 */
export function needOfChange(change: ChangeScope, experimentOfRun: (runId: string) => string | undefined): PanelNeed {
  const runsOf = new Set(change.runsOf);
  // A write that names the experiment (a run created, finished, given an artifact) needs no lookup.
  for (const runId of runsOf.size > 0 ? [] : change.runs) {
    const experimentId = experimentOfRun(runId);
    if (experimentId === undefined) return { experiments: change.experiments, runsOf: "all", models: change.models };
    runsOf.add(experimentId);
  }
  return { experiments: change.experiments, runsOf, models: change.models };
}

/** Both needs at once (`null`: nothing pending). */
export function mergeNeeds(pending: PanelNeed | null, next: PanelNeed): PanelNeed {
  if (pending === null) return next;
  return {
    experiments: pending.experiments || next.experiments,
    runsOf: pending.runsOf === "all" || next.runsOf === "all" ? "all" : new Set([...pending.runsOf, ...next.runsOf]),
    models: pending.models || next.models,
  };
}

/** Whether the need reads nothing (a write the panel does not show). */
export function needsNothing(need: PanelNeed): boolean {
  return !need.experiments && !need.models && need.runsOf !== "all" && need.runsOf.size === 0;
}
