/**
 * Which runs one execution of a script created. The runner listens while the script runs and
 * passes the ids to the bloc's check, which then judges that execution's runs exactly (not
 * "the runs started in the last few minutes"). MLflow has no such notion; it is not exported to
 * learner code, and it adds nothing to the runs themselves.
 */
let listener: ((runId: string) => void) | undefined;

/** For runners: hear of every run the SDK creates from now on (`undefined` stops listening). */
export function onRunCreated(next: ((runId: string) => void) | undefined): void {
  listener = next;
}

/** Called by the client after the server created a run. */
export function reportRunCreated(runId: string): void {
  listener?.(runId);
}
