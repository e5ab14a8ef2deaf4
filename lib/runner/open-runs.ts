import { callEndpoint, type SendRequest } from "@/lib/tracking/call-endpoint";
import type { RunOptions, RunOutcome, RunRequest, Runner, RunnerEvent } from "./types";

/**
 * Runs an execution left open, ended by its host. MLflow's rules: a script that fails ends its
 * runs FAILED (Python's `with mlflow.start_run()` does on an exception; the script runner does it
 * inside the runtime for the active runs, `finishScript`), and a run whose process was terminated
 * shows as KILLED. A stopped or timed-out script cannot end anything (its worker or process is
 * gone), so its host, which heard which runs it created and which it ended, ends the rest through
 * the REST API (`runs/update`, status and end_time). The host also ends FAILED what a failed
 * script could not (runs opened with `MlflowClient.createRun`, a script that died mid-way).
 * A succeeded script's runs are left as it left them, as MLflow does.
 */

/** Which runs an execution created and which it ended, from its events. */
export class ExecutionRunLedger {
  private readonly created: string[] = [];
  private readonly ended = new Set<string>();

  observe(event: RunnerEvent): void {
    if (event.type === "run-created") this.created.push(event.runId);
    else if (event.type === "run-ended") this.ended.add(event.runId);
  }

  /** The runs it created, in order. */
  get runIds(): string[] {
    return [...this.created];
  }

  /** The runs it created and did not end. */
  leftOpen(): string[] {
    return this.created.filter((runId) => !this.ended.has(runId));
  }
}

/** The status MLflow gives the runs an execution left open, by how it ended; none when it succeeded. */
export function statusForRunsLeftOpen(status: RunOutcome["status"]): "FAILED" | "KILLED" | undefined {
  switch (status) {
    case "succeeded":
      return undefined;
    case "failed":
      return "FAILED";
    case "timed-out":
    case "stopped":
      return "KILLED";
  }
}

export interface EndRunsOptions {
  /** How requests travel (the default is fetch). */
  send?: SendRequest;
  /** The runs' end time (default: now). */
  endTime?: number;
}

/**
 * Ends each run that is still RUNNING on the server with `status`. A run the script ended after
 * all (its request was on its way when the worker was terminated) is left as it is. Never
 * throws: a run that could not be ended (the server is unreachable) is returned.
 */
export async function endRunsLeftOpen(
  trackingUri: string,
  runIds: readonly string[],
  status: "FAILED" | "KILLED",
  { send, endTime = Date.now() }: EndRunsOptions = {},
): Promise<string[]> {
  const notEnded: string[] = [];
  await Promise.all(
    runIds.map(async (runId) => {
      try {
        const { run } = await callEndpoint(trackingUri, "getRun", { run_id: runId }, { send, cache: "no-store" });
        if (run.info.status !== "RUNNING") return;
        await callEndpoint(trackingUri, "updateRun", { run_id: runId, status, end_time: endTime }, { send });
      } catch {
        notEnded.push(runId);
      }
    }),
  );
  return notEnded;
}

/**
 * A runner whose executions never leave runs RUNNING when they fail, are stopped or time out:
 * it resolves once those runs are ended, so that a check asked right after judges them ended.
 * Wraps any runtime of the page (Web Worker, WebContainer).
 */
export function endingRunsLeftOpen(runner: Runner, options: EndRunsOptions = {}): Runner {
  return {
    kind: runner.kind,
    async run(request: RunRequest, runOptions: RunOptions): Promise<RunOutcome> {
      const ledger = new ExecutionRunLedger();
      const outcome = await runner.run(request, {
        ...runOptions,
        onEvent: (event) => {
          ledger.observe(event);
          runOptions.onEvent(event);
        },
      });
      const status = statusForRunsLeftOpen(outcome.status);
      const open = ledger.leftOpen();
      if (status && open.length > 0) await endRunsLeftOpen(request.trackingUri, open, status, options);
      return outcome;
    },
  };
}
