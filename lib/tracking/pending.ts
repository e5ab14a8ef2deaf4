/**
 * Requests that were sent but not awaited.
 *
 * MLflow's Python API is synchronous; ours returns promises, and learners coming from Python
 * will forget `await`. A call that was not awaited must still reach the server: every request
 * registers here, and `flushPending()` (called by `endRun` and by the runners before they report
 * the script finished) waits for all of them.
 */

const inFlight = new Set<Promise<unknown>>();

export function track<T>(promise: Promise<T>): Promise<T> {
  inFlight.add(promise);
  // Never leave an unhandled rejection behind just because we are tracking: the caller's own
  // promise still rejects; flushPending reports failures itself.
  promise.then(
    () => inFlight.delete(promise),
    () => inFlight.delete(promise),
  );
  return promise;
}

/** Waits until every request sent so far (and any sent meanwhile) has settled; returns the errors. */
export async function flushPending(): Promise<unknown[]> {
  const errors: unknown[] = [];
  while (inFlight.size > 0) {
    const batch = [...inFlight];
    const results = await Promise.allSettled(batch);
    for (const result of results) if (result.status === "rejected") errors.push(result.reason);
  }
  return errors;
}

export function pendingCount(): number {
  return inFlight.size;
}
