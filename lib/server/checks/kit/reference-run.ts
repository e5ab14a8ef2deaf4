import { REFERENCE } from "@/lib/course/reference";
import type { Run } from "@/lib/server/tracking/entities";
import type { TrackingStore } from "@/lib/server/tracking/store";
import { executionRuns, metricOf, paramOf } from "./runs";

/** The hyperparameters scikit-learn's reference numbers (lib/course/reference.ts) were computed with. */
export const REFERENCE_PARAMS = { alpha: 0.5, l1_ratio: 0.5 } as const;

/** The ElasticNet's test metrics, as scikit-learn computes them for REFERENCE_PARAMS. */
export const REFERENCE_TEST_METRICS = REFERENCE.elasticNet.testMetrics;

/** Equal up to floating-point noise (the kit matches scikit-learn to 1e-9, relative). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * Why the run's metrics cannot be compared with the reference: its alpha or l1_ratio differ
 * (French, naming them and what to do), or undefined when they are the reference's. Missing
 * params are the caller's concern.
 */
export function notReferenceParams(run: Run): string | undefined {
  const other = Object.entries(REFERENCE_PARAMS).filter(([key, value]) => paramOf(run, key) !== undefined && Number(paramOf(run, key)) !== value);
  if (other.length === 0) return undefined;
  return `Votre run a ${other.map(([key]) => `${key}=${paramOf(run, key)}`).join(", ")} : remettez 0.5 dans args, exécutez, puis vérifiez.`;
}

/** The reference metrics a run lacks, and those it logged with another value ("name vaut x ; attendu y."). */
export function metricMismatches(run: Run, expected: Readonly<Record<string, number>>): { missing: string[]; wrong: string[] } {
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const logged = metricOf(run, key);
    if (logged === undefined) missing.push(key);
    else if (!sameNumber(logged, value)) wrong.push(`${key} vaut ${logged} ; attendu ${value}.`);
  }
  return { missing, wrong };
}

/**
 * The finished runs of the last execution, compared with reference metrics: the first run that
 * logged them all (with those whose value differs) or, when none did, what the closest one
 * lacks. `evaluate` may log into the model's run or a run of its own, so every run counts.
 */
export async function executionRunWithMetrics(
  tracking: TrackingStore,
  runIds: readonly string[],
  expected: Readonly<Record<string, number>>,
): Promise<{ finishedRuns: number; run?: Run; missing: string[]; wrong: string[] }> {
  const runs = await executionRuns(tracking, runIds, { status: "FINISHED" });
  const compared = runs.map((run) => ({ run, ...metricMismatches(run, expected) }));
  const complete = compared.find((entry) => entry.missing.length === 0);
  if (complete) return { finishedRuns: runs.length, ...complete };
  const closest = compared.reduce<{ missing: string[] }>((best, entry) => (entry.missing.length < best.missing.length ? entry : best), {
    missing: Object.keys(expected),
  });
  return { finishedRuns: runs.length, missing: closest.missing, wrong: [] };
}
