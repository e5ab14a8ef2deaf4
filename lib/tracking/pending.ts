/**
 * Requests that were sent but not awaited.
 *
 * MLflow's Python API is synchronous; ours returns promises, and learners coming from Python
 * will forget `await`. A call that was not awaited must still reach the server: every request
 * registers here, and `flushPending()` (called by `endRun`, `lastActiveRun` and the runners
 * before they report the script finished) waits for all of them.
 *
 * Failures are not collected here. The caller gets a promise of its own: awaited, it throws
 * where the learner wrote `await`; forgotten, its rejection is unhandled and the runtime reports
 * it (the runners turn unhandled rejections into errors at the learner's line). Either way each
 * failure is reported once.
 */

const inFlight = new Set<Promise<unknown>>();

export function track<T>(promise: Promise<T>): Promise<T> {
  inFlight.add(promise);
  const forget = () => inFlight.delete(promise);
  // These handlers mark `promise` itself as handled, hence the separate promise returned below,
  // which rejects exactly when `promise` does and stays unhandled if nobody awaits it.
  promise.then(forget, forget);
  return promise.then((value) => value);
}

/**
 * `track` for a call the learner makes: its failure also carries the stack of the call, taken
 * now. The failure itself comes from the SDK's request, whose stack does not reach the learner's
 * code when the call was not awaited; the runners look for the learner's line in the stack.
 */
export function trackCall<T>(start: () => Promise<T>): Promise<T> {
  const callSite = new Error("called from");
  return track(
    start().catch((error: unknown) => {
      throw withCallSite(error, callSite);
    }),
  );
}

function withCallSite(error: unknown, callSite: Error): unknown {
  if (!(error instanceof Error) || !callSite.stack) return error;
  // The call site's frames, without its own first line ("Error: called from").
  const frames = callSite.stack.slice(callSite.stack.indexOf("\n") + 1);
  error.stack = `${error.stack ?? `${error.name}: ${error.message}`}\n${frames}`;
  return error;
}

/** Waits until every request sent so far (and any sent meanwhile) has settled, failed or not. */
export async function flushPending(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function pendingCount(): number {
  return inFlight.size;
}
