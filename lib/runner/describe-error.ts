import { explainRuntimeError } from "./explain-error";
import { formatConsoleArgs } from "./inspect";
import { learnerLocation } from "./learner-source";
import type { RunnerError } from "./types";

/**
 * What the module system may attach to an error it lets through: the learner's file of a
 * syntax error (its `loc` gives the line), the French explanation it already wrote, and the
 * SDK name a typo probably meant.
 */
interface AnnotatedError extends Error {
  learnerFile?: string;
  loc?: { line?: number; column?: number };
  explanation?: string;
  suggestion?: string;
  errorCode?: unknown;
}

/** Turns anything thrown by learner code into what the console panel shows. */
export function describeError(thrown: unknown): RunnerError {
  if (thrown instanceof Error) {
    const error = thrown as AnnotatedError;
    const errorCode = error.errorCode;
    const explanation =
      typeof error.explanation === "string"
        ? error.explanation
        : explainRuntimeError(error.name, error.message, { suggestion: typeof error.suggestion === "string" ? error.suggestion : undefined });
    return {
      name: error.name,
      message: error.message,
      errorCode: typeof errorCode === "string" ? errorCode : undefined,
      location: learnerLocation(error.stack) ?? syntaxErrorLocation(error),
      ...(explanation ? { explanation } : {}),
    };
  }
  // Printed as console.log would (`{ code: 42 }`), never "[object Object]".
  return { name: "Error", message: `Valeur levée (throw) : ${formatConsoleArgs([thrown])}` };
}

/** Syntax errors found before running carry the learner's file and a `loc` (line from 1, column from 0). */
function syntaxErrorLocation(error: AnnotatedError): RunnerError["location"] {
  const { loc, learnerFile: file } = error;
  if (!file || !loc?.line) return undefined;
  return { file, line: loc.line, column: (loc.column ?? 0) + 1 };
}
