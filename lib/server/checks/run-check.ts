import type { CheckRequest, Verdict } from "@/lib/course/check-contract";
import { markBlocDone } from "@/lib/server/progress";
import { getTrackingStore } from "@/lib/server/tracking";
import { CHECKS } from "./registry.generated";

/**
 * Runs a bloc's check against the learner's workspace and records the bloc as done when it
 * passes. Returns undefined for a bloc without a check.
 */
export async function runBlocCheck(workspaceId: string, bloc: number, evidence: CheckRequest): Promise<Verdict | undefined> {
  const check = CHECKS[bloc];
  if (!check) return undefined;
  const tracking = await getTrackingStore(workspaceId);
  const verdict = await check({ tracking, ...evidence });
  if (verdict.passed) await markBlocDone(workspaceId, bloc);
  return verdict;
}
