import { learnerLocation } from "./learner-source";
import type { RunnerError } from "./types";

/** Turns anything thrown by learner code into what the console panel shows. */
export function describeError(thrown: unknown): RunnerError {
  if (thrown instanceof Error) {
    const errorCode = (thrown as { errorCode?: unknown }).errorCode;
    return {
      name: thrown.name,
      message: thrown.message,
      errorCode: typeof errorCode === "string" ? errorCode : undefined,
      location: learnerLocation(thrown.stack) ?? syntaxErrorLocation(thrown),
    };
  }
  return { name: "Error", message: `Valeur levée (throw) : ${String(thrown)}` };
}

/** Sucrase reports syntax errors as "Unexpected token (line:column)" and sets `loc`. */
function syntaxErrorLocation(error: Error): RunnerError["location"] {
  const loc = (error as { loc?: { line?: number; column?: number } }).loc;
  const file = (error as { learnerFile?: string }).learnerFile;
  if (!file || !loc?.line) return undefined;
  return { file, line: loc.line, column: (loc.column ?? 0) + 1 };
}
