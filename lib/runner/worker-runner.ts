import type { FromSandbox, ToSandbox } from "./sandbox-protocol";
import type { RunOptions, RunOutcome, RunRequest, Runner } from "./types";

/**
 * Runs learner code in a fresh Web Worker per run. The time limit and Stop terminate the
 * worker outright, which stops even `while (true) {}`; the page itself never blocks.
 */
export class WorkerRunner implements Runner {
  readonly kind = "worker" as const;

  run(request: RunRequest, { signal, onEvent }: RunOptions): Promise<RunOutcome> {
    if (signal.aborted) return Promise.resolve({ status: "stopped" });
    const worker = new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "cuvee-sandbox" });

    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        worker.terminate();
        resolve(outcome);
      };
      const onAbort = () => finish({ status: "stopped" });
      const timer = setTimeout(() => finish({ status: "timed-out", timeoutMs: request.timeoutMs }), request.timeoutMs);
      signal.addEventListener("abort", onAbort);

      worker.addEventListener("message", (event: MessageEvent<FromSandbox>) => {
        const message = event.data;
        if (message.type === "done") finish({ status: message.ok ? "succeeded" : "failed" });
        else onEvent(message);
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        onEvent({ type: "error", error: { name: "Error", message: `Le bac à sable n'a pas pu démarrer : ${event.message || "erreur inconnue"}` } });
        finish({ status: "failed" });
      });

      const message: ToSandbox = { type: "run", request };
      worker.postMessage(message);
    });
  }
}
