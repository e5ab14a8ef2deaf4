import { absoluteNow, recordOnPage, runTimingsRequested, type TimingSpan } from "./run-timings";
import { startFramedWorker, type FramedWorker } from "./sandbox-frame-host";
import type { FromSandbox, ToSandbox } from "./sandbox-protocol";
import type { RunOptions, RunOutcome, RunRequest, Runner } from "./types";

/**
 * Runs learner code in a fresh Web Worker per run. The time limit and Stop terminate the
 * worker outright, which stops even `while (true) {}`; the page itself never blocks.
 *
 * The workers live in the page's sandbox frame, on an opaque origin: learner code carries no
 * Cuvée cookie and reaches only the workspace's tracking URI (sandbox-frame.ts, decision 010).
 *
 * Loading the sandbox (the SDK, the kit, sucrase) takes a few hundred milliseconds, so the
 * worker for the *next* run is started ahead of time, while the learner reads or types: it has
 * run nothing yet, so every run still gets a fresh worker, but does not wait for it to load.
 */
let spare: FramedWorker | undefined;

/** Starts the next run's worker now (idempotent), so that its loading is off the critical path. */
export function prepareWorkerSandbox(): void {
  spare ??= startFramedWorker();
}

function takeSandbox(): FramedWorker {
  const worker = spare ?? startFramedWorker();
  spare = undefined;
  return worker;
}

export class WorkerRunner implements Runner {
  readonly kind = "worker" as const;

  run(request: RunRequest, { signal, onEvent }: RunOptions): Promise<RunOutcome> {
    if (signal.aborted) return Promise.resolve({ status: "stopped" });
    const timings = runTimingsRequested();
    const runnerStarted = absoluteNow();
    const worker = takeSandbox();

    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        worker.terminate();
        resolve(outcome);
        // After the run, not during it: loading a worker competes with the run for the CPU.
        setTimeout(prepareWorkerSandbox, 0);
      };
      const failToStart = (message: string) => {
        onEvent({ type: "error", error: { name: "Error", message: `Le bac à sable n'a pas pu démarrer : ${message}` } });
        finish({ status: "failed" });
      };
      const onAbort = () => finish({ status: "stopped" });
      const timer = setTimeout(() => finish({ status: "timed-out", timeoutMs: request.timeoutMs }), request.timeoutMs);
      signal.addEventListener("abort", onAbort);

      worker.listen(
        (message: FromSandbox) => {
          if (message.type === "timings") recordOnPage(pageSpans(runnerStarted, posted, message.spans));
          else if (message.type === "done") finish({ status: message.ok ? "succeeded" : "failed" });
          else onEvent(message);
        },
        failToStart,
      );
      if (settled) return;

      const message: ToSandbox = timings ? { type: "run", request, timings } : { type: "run", request };
      const posted = absoluteNow();
      worker.postMessage(message);
    });
  }
}

/** The worker's spans, plus the page's side: the hop to the worker, and the worker's run seen from the page. */
function pageSpans(runnerStarted: number, posted: number, spans: TimingSpan[]): TimingSpan[] {
  const workerRun = spans.find((span) => span.name === "worker run");
  const now = absoluteNow();
  const page: TimingSpan[] = [{ name: "runner", start: runnerStarted, end: now }];
  if (workerRun) {
    page.push({ name: "page → worker (channel hop, waiting for the spare worker)", start: posted, end: workerRun.start });
    page.push({ name: "worker → page (channel hop)", start: workerRun.end, end: now });
  }
  return [...spans, ...page];
}
