/**
 * Facts about the runtime that learner code runs in, set by the runner before the code starts:
 * they become the system tags MLflow sets on every run (`mlflow.user`, `mlflow.source.name`,
 * `mlflow.source.type`).
 */
export interface RuntimeContext {
  /** Who runs the code (`mlflow.user`). */
  user: string;
  /** The entry file (`mlflow.source.name`). */
  sourceName: string;
}

let context: RuntimeContext | undefined;

export function setRuntimeContext(next: RuntimeContext | undefined): void {
  context = next;
}

function processInfo(): { user?: string; entry?: string } {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined>; argv?: string[] } }).process;
  return { user: proc?.env?.USER ?? proc?.env?.USERNAME, entry: proc?.argv?.[1] };
}

export function getRuntimeContext(): RuntimeContext {
  if (context) return context;
  const info = processInfo();
  return { user: info.user ?? "unknown", sourceName: info.entry ?? "unknown" };
}
