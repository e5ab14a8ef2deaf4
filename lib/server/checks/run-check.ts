import type { CheckRequest, Verdict } from "@/lib/course/check-contract";
import { markBlocDone } from "@/lib/server/progress";
import { getTrackingStore } from "@/lib/server/tracking";
import { executionVerdict } from "./execution-gate";
import { CHECKS } from "./registry.generated";

/**
 * The learner's code could not be judged: nested so deep that reading its structure (the
 * TypeScript parser, the checks' walks over the tree, all recursive) ran out of stack. The
 * request is at fault, not the server: the route answers 400 with `verdict`.
 */
export class UncheckableCodeError extends Error {
  override readonly name = "UncheckableCodeError";
  readonly verdict: Verdict = {
    passed: false,
    message: "Votre code est trop profondément imbriqué pour être analysé.",
    details: [
      "Des parenthèses, crochets ou accolades s'ouvrent des milliers de fois sans se refermer : corrigez le code, exécutez-le, puis vérifiez à nouveau.",
    ],
  };

  constructor(cause: unknown) {
    super("learner code too deeply nested to check", { cause });
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Runs a bloc's check against the learner's workspace and records the bloc as done when it
 * passes. An execution that did not run to its end (or none) fails before the bloc's check is
 * asked (execution-gate.ts). Returns undefined for a bloc without a check; throws
 * `UncheckableCodeError` for code too deeply nested to read.
 */
export async function runBlocCheck(workspaceId: string, bloc: number, evidence: CheckRequest): Promise<Verdict | undefined> {
  const check = CHECKS[bloc];
  if (!check) return undefined;
  const unfinished = executionVerdict(evidence.execution);
  if (unfinished) return unfinished;
  const tracking = await getTrackingStore(workspaceId);
  let verdict: Verdict;
  try {
    verdict = await check({ tracking, ...evidence });
  } catch (error) {
    // Catching a stack overflow is safe here: the stack has unwound to this frame by now.
    if (isStackOverflow(error)) throw new UncheckableCodeError(error);
    throw error;
  }
  if (verdict.passed) await markBlocDone(workspaceId, bloc);
  return verdict;
}
