import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NODE_COMMAND, nodeProjectFiles } from "../node-project";
import { NodeEventDecoder, type NodeScriptEvent } from "../node-protocol";
import { endRunsLeftOpen, ExecutionRunLedger, statusForRunsLeftOpen } from "../open-runs";
import type { CodeFiles, RunnerError, RunnerEvent } from "../types";
import { childEnvironment, configuredMaxHeapMb, diedOfHeapExhaustion, heapExhaustedMessage, heapLimitArgs } from "./child-limits";
import { runtimePackages } from "./runtime-packages";

/**
 * Runs learner TypeScript in a child Node process, the way a WebContainer does: the project
 * (learner files, the SDK and kit as local packages, the request) is written to a working
 * directory and `node node_modules/cuvee/dist/run.js` runs it there. Same semantics as the
 * browser sandbox (same module system, same error locations, SDK flushed before exit), but
 * `node:fs/promises` is the real file system of that directory. A child process, so that an
 * infinite loop can be killed at the time limit; it sees only the variables it needs and has a
 * heap limit (child-limits.ts, decision 010).
 */
export interface NodeRunOptions {
  /** Learner files by path relative to the project root: code and data (CSV included). */
  files: CodeFiles;
  /** The file to execute, e.g. `main.ts`. */
  entry: string;
  /** Becomes `MLFLOW_TRACKING_URI` and the SDK's default. */
  trackingUri: string;
  /** Past this, the process is killed and the status is `timed-out`. */
  timeoutMs: number;
  /** Working directory to seed and keep (default: a fresh temporary one, removed afterwards). */
  cwd?: string;
  /** Each console line or error, as it happens (the CLI prints them live). */
  onEvent?: (event: RunnerEvent) => void;
  /** Aborting kills the process; the status is then `failed` with a "stopped" error. */
  signal?: AbortSignal;
  /** The child's JavaScript heap limit in MB (default: `CUVEE_RUN_MAX_HEAP_MB`, else 512). */
  maxHeapMb?: number;
}

export interface NodeRunResult {
  status: "succeeded" | "failed" | "timed-out";
  /** Console output, one entry per console call, joined with newlines (as the lesson page keeps it). */
  output: string;
  errors: RunnerError[];
  /** The runs the script created, in order. */
  runIds: string[];
}

/** How the child ended, as the runs it left open see it: a stop is not a failure of the script. */
type Ending = NodeRunResult["status"] | "stopped";

/**
 * Ends the runs the script left open once the child is gone (open-runs.ts): KILLED when it was
 * killed at the time limit or on request, FAILED when it failed. Before the result is returned,
 * so that whoever checks next sees them ended.
 */
async function endRunsOfChild(trackingUri: string, ledger: ExecutionRunLedger, ending: Ending): Promise<void> {
  const status = statusForRunsLeftOpen(ending);
  const open = ledger.leftOpen();
  if (status && open.length > 0) await endRunsLeftOpen(trackingUri, open, status);
}

async function writeProject(dir: string, files: CodeFiles): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}

export async function runInNode(options: NodeRunOptions): Promise<NodeRunResult> {
  const { files, entry, trackingUri, timeoutMs, onEvent, signal } = options;
  const maxHeapMb = options.maxHeapMb ?? configuredMaxHeapMb(process.env);
  const project = nodeProjectFiles(files, entry, trackingUri, await runtimePackages());
  const dir = options.cwd ? path.resolve(options.cwd) : await mkdtemp(path.join(tmpdir(), "cuvee-run-"));
  try {
    await writeProject(dir, project);
    return await execute(dir, { trackingUri, timeoutMs, onEvent, signal, maxHeapMb });
  } finally {
    if (!options.cwd) await rm(dir, { recursive: true, force: true });
  }
}

function execute(
  dir: string,
  { trackingUri, timeoutMs, onEvent, signal, maxHeapMb }: Pick<NodeRunOptions, "trackingUri" | "timeoutMs" | "onEvent" | "signal"> & { maxHeapMb: number },
): Promise<NodeRunResult> {
  return new Promise((resolve) => {
    const output: string[] = [];
    const errors: RunnerError[] = [];
    const ledger = new ExecutionRunLedger();
    let done: boolean | undefined;
    let ending: Ending | undefined;
    const stderr: string[] = [];

    const handle = (event: NodeScriptEvent) => {
      if (event.type === "done") {
        done = event.ok;
        return;
      }
      if (event.type === "console") output.push(event.text);
      else if (event.type === "error") errors.push(event.error);
      else ledger.observe(event);
      onEvent?.(event);
    };
    const decoder = new NodeEventDecoder(handle);

    const child = spawn(process.execPath, [...heapLimitArgs(maxHeapMb), ...NODE_COMMAND.args], {
      cwd: dir,
      // Not the parent's environment: it holds DATABASE_URL and whatever else the machine keeps there.
      env: childEnvironment(process.env, trackingUri),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => decoder.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));

    const kill = (status: Ending, error: RunnerError) => {
      if (ending) return;
      ending = status;
      handle({ type: "error", error });
      child.kill("SIGKILL");
    };
    const seconds = Math.round(timeoutMs / 1000);
    const timer = setTimeout(
      () => kill("timed-out", { name: "TimeoutError", message: `Arrêt automatique : le code tournait depuis plus de ${seconds} s (boucle infinie ?).` }),
      timeoutMs,
    );
    const onAbort = () => kill("stopped", { name: "AbortError", message: "Exécution arrêtée à votre demande." });
    signal?.addEventListener("abort", onAbort);
    if (signal?.aborted) onAbort();

    child.on("error", (error) => kill("failed", { name: "Error", message: `Node n'a pas pu démarrer : ${error.message}` }));
    const settle = (status: Ending) => {
      void endRunsOfChild(trackingUri, ledger, status).then(() =>
        // A stop is reported as a failure with its "stopped" error (the CLI has no Stop button).
        resolve({ status: status === "stopped" ? "failed" : status, output: output.join("\n"), errors, runIds: ledger.runIds }),
      );
    };
    child.on("close", (code) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      decoder.end();
      if (ending) return settle(ending);
      if (done === undefined && diedOfHeapExhaustion(stderr.join(""))) {
        // V8's fatal-error dump means nothing to a learner: say what happened and what to look for.
        handle({ type: "error", error: { name: "RangeError", message: heapExhaustedMessage(maxHeapMb) } });
      } else if (done === undefined) {
        // The bootstrap itself failed (it reports every learner error as an event).
        const detail = stderr.join("").trim() || `code de sortie ${code}`;
        handle({ type: "error", error: { name: "Error", message: `Le processus Node s'est arrêté sans terminer : ${detail}` } });
      }
      settle(done === true && code === 0 ? "succeeded" : "failed");
    });
  });
}
