import type { SourceLocation } from "./types";

/**
 * Learner modules are evaluated under this URL scheme (`//# sourceURL=`), so that stack frames
 * from learner code can be told apart from the SDK's and mapped back to the learner's file.
 */
export const LEARNER_SOURCE_PREFIX = "cuvee-learner:///";

const FRAME = /cuvee-learner:\/\/\/([^\s:()]+):(\d+):(\d+)/;

/** The first stack frame in learner code (the line they wrote), if any. */
export function learnerLocation(stack: string | undefined): SourceLocation | undefined {
  if (!stack) return undefined;
  const match = FRAME.exec(stack);
  if (!match) return undefined;
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]) };
}
