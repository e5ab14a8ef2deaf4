/**
 * Which runs one execution of a script created, and which it ended. The runner listens while the
 * script runs: it passes the created ids to the bloc's check, which then judges that execution's
 * runs exactly (not "the runs started in the last few minutes"), and its host ends those left
 * open when the script fails or is stopped (lib/runner/open-runs.ts). MLflow has no such notion;
 * it is not exported to learner code, and it adds nothing to the runs themselves.
 */
let listener: ((runId: string) => void) | undefined;
let endListener: ((runId: string) => void) | undefined;

/** For runners: hear of every run the SDK creates from now on (`undefined` stops listening). */
export function onRunCreated(next: ((runId: string) => void) | undefined): void {
  listener = next;
}

/** For runners: hear of every run the SDK ends (a status other than RUNNING) from now on. */
export function onRunEnded(next: ((runId: string) => void) | undefined): void {
  endListener = next;
}

/** Called by the client after the server created a run. */
export function reportRunCreated(runId: string): void {
  listener?.(runId);
}

/** Called by the client after the server accepted a run's end. */
export function reportRunEnded(runId: string): void {
  endListener?.(runId);
}
