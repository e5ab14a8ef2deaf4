import type { CodeFiles } from "@/lib/course/code-files";
import type { Verdict } from "@/lib/course/check-contract";
import type { TrackingStore } from "@/lib/server/tracking/store";

/**
 * A bloc's check: code that reads the learner's real state and says, in French, whether the
 * bloc is done and what is missing. It never trusts a click: the tracking store, the output of
 * the learner's last run and their code are the evidence.
 */
export interface CheckContext {
  /** The learner's workspace, through the same store the REST API uses. */
  tracking: TrackingStore;
  /** What the learner's last run printed (console lines joined by newlines). */
  output: string;
  /** The learner's files, by path. */
  code: CodeFiles;
  /**
   * The runs the learner's last execution created, as the runner saw them. A check runs only
   * after an execution that succeeded (lib/server/checks/execution-gate.ts), so these are its runs.
   */
  runIds: readonly string[];
}

/** What a check answers: the verdict the lesson page shows (lib/course/check-contract.ts). */
export type CheckVerdict = Verdict;

export type BlocCheck = (context: CheckContext) => Promise<CheckVerdict>;

export function passed(message: string): CheckVerdict {
  return { passed: true, message };
}

export function failed(message: string, details: string[] = []): CheckVerdict {
  return { passed: false, message, details };
}
