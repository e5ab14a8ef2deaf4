import type { CheckVerdict } from "@/lib/course/check";
import { CHECKS } from "@/lib/course/checks";
import { markBlocDone } from "@/lib/server/progress";
import { getTrackingStore } from "@/lib/server/tracking";

/**
 * Runs a bloc's check against the learner's workspace and records the bloc as done when it
 * passes. Returns undefined for a bloc without a check.
 */
export async function runBlocCheck(
  workspaceId: string,
  bloc: number,
  evidence: { output: string; code: Record<string, string>; runIds?: readonly string[] },
): Promise<CheckVerdict | undefined> {
  const check = CHECKS[bloc];
  if (!check) return undefined;
  const tracking = await getTrackingStore(workspaceId);
  const verdict = await check({ tracking, ...evidence });
  if (verdict.passed) await markBlocDone(workspaceId, bloc);
  return verdict;
}
