import type { FromSandbox, ToSandbox } from "./sandbox-protocol";
import type { RunOptions, RunOutcome, RunRequest, Runner } from "./types";

/**
 * Runs learner code in a fresh Web Worker per run. The time limit and Stop terminate the
 * worker outright, which stops even `while (true) {}`; the page itself never blocks.
 *
 * Loading the sandbox (the SDK, the kit, sucrase) takes a few hundred milliseconds, so the
 * worker for the *next* run is started ahead of time, while the learner reads or types: it has
 * run nothing yet, so every run still gets a fresh worker, but does not wait for it to load.
 */
interface Sandbox {
  worker: Worker;
  /** Set when the worker failed to load before anyone listened. */
  loadError?: string;
}

let spare: Sandbox | undefined;

function startSandbox(): Sandbox {
  const worker = new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "cuvee-sandbox" });
  const sandbox: Sandbox = { worker };
  worker.addEventListener("error", (event) => (sandbox.loadError ??= event.message || "erreur inconnue"), { once: true });
  return sandbox;
}

/** Starts the next run's worker now (idempotent), so that its loading is off the critical path. */
export function prepareWorkerSandbox(): void {
  spare ??= startSandbox();
}

function takeSandbox(): Sandbox {
  const sandbox = spare ?? startSandbox();
  spare = undefined;
  return sandbox;
}

export class WorkerRunner implements Runner {
  readonly kind = "worker" as const;

  run(request: RunRequest, { signal, onEvent }: RunOptions): Promise<RunOutcome> {
    if (signal.aborted) return Promise.resolve({ status: "stopped" });
    const sandbox = takeSandbox();
    const { worker } = sandbox;

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

      if (sandbox.loadError) return failToStart(sandbox.loadError);
      worker.addEventListener("message", (event: MessageEvent<FromSandbox>) => {
        const message = event.data;
        if (message.type === "done") finish({ status: message.ok ? "succeeded" : "failed" });
        else onEvent(message);
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        failToStart(event.message || "erreur inconnue");
      });

      const message: ToSandbox = { type: "run", request };
      worker.postMessage(message);
    });
  }
}
