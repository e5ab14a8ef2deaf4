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

/** Waits until every request sent so far (and any sent meanwhile) has settled, failed or not. */
export async function flushPending(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function pendingCount(): number {
  return inFlight.size;
}
