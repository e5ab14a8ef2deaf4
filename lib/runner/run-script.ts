import * as sdkHooks from "@/lib/tracking/runner-hooks";
import { describeError } from "./describe-error";
import { ModuleSystem } from "./module-system";
import type { CodeFiles, RunnerEvent } from "./types";

/**
 * What every runtime does around a learner's script, whatever hosts it (the browser's Web
 * Worker, or Node in a child process or a WebContainer): prepare the SDK for the learner's
 * workspace, run the entry through the same `ModuleSystem` (so imports, top-level `await`,
 * error locations and French messages are identical everywhere), then end runs left open and
 * flush the SDK before saying the script is done.
 */
export interface ScriptRun {
  /** Learner sources by path relative to the project root (data files may be included). */
  files: CodeFiles;
  entry: string;
  /** The SDK's default tracking URI when the code sets none (the learner's workspace). */
  trackingUri: string;
  /** The modules learner code may import by name: `mlflow`, `cuvee/*`, `node:fs/promises`. */
  builtins: Record<string, unknown>;
  emit: (event: RunnerEvent) => void;
  /**
   * How this host hears of a promise nobody awaited that failed (the worker's
   * `unhandledrejection` event, Node's `unhandledRejection`); the host must also keep it from
   * being treated as fatal or logged on its own.
   */
  onUnhandledRejection: (listener: (reason: unknown) => void) => void;
}

/** Runs the script; resolves `true` when it and the SDK's pending requests all succeeded. */
export async function runScript({ files, entry, trackingUri, builtins, emit, onUnhandledRejection }: ScriptRun): Promise<boolean> {
  sdkHooks.resetFluentState();
  sdkHooks.setRuntimeDefaultTrackingUri(trackingUri);
  // The same system tags in every runtime, so that the tracking state does not depend on it.
  sdkHooks.setRuntimeContext({ user: "apprenant", sourceName: entry });
  sdkHooks.onRunCreated((runId) => emit({ type: "run-created", runId }));
  sdkHooks.onRunEnded((runId) => emit({ type: "run-ended", runId }));

  const modules = new ModuleSystem(files, builtins);
  let ok = true;
  // A call the script did not await (an SDK call without `await`) failed: report it, and the
  // script fails, as the same code would stop at that call in Python.
  let rejectedUnawaited = false;
  onUnhandledRejection((reason) => {
    rejectedUnawaited = true;
    emit({ type: "error", error: describeError(reason) });
  });
  try {
    await modules.runEntry(entry);
  } catch (error) {
    ok = false;
    emit({ type: "error", error: describeError(error) });
  }
  // A failed call nobody awaited failed the script too: its runs end FAILED, as Python's would
  // (the call would have raised inside the `with` block).
  const lateErrors = await sdkHooks.finishScript({ failed: !ok || rejectedUnawaited });
  sdkHooks.onRunCreated(undefined);
  sdkHooks.onRunEnded(undefined);
  for (const error of lateErrors) {
    ok = false;
    emit({ type: "error", error: describeError(error) });
  }
  // The runtime announces an unhandled rejection once the current task ends: let that happen
  // before the host says the script is done.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return ok && !rejectedUnawaited;
}

/** The console methods a runtime captures. */
export const CAPTURED_CONSOLE_LEVELS = ["log", "info", "warn", "error", "debug"] as const;
