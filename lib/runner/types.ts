/**
 * The runner contract: what the lesson UI asks of a runtime (a Web Worker sandbox now, a
 * WebContainer later) and what it hears back. Components use a runner through this interface
 * only, never Worker or WebContainer APIs.
 */
import type { CodeFiles } from "@/lib/course/code-files";

export type { CodeFiles };

export interface RunRequest {
  /** Learner files by path relative to the project root (code and data). */
  files: CodeFiles;
  /** The file to execute, e.g. `main.ts`. */
  entry: string;
  /** The learner's workspace tracking URI: the SDK's default when the code sets none. */
  trackingUri: string;
  /** Wall-clock limit; past it the run is stopped. */
  timeoutMs: number;
}

export type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

/** Where in the learner's own TypeScript an error comes from. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface RunnerError {
  name: string;
  message: string;
  /** MLflow's error code when the tracking server refused a request. */
  errorCode?: string;
  location?: SourceLocation;
  /** A French explanation shown under the original message, which stays (learners search for it). */
  explanation?: string;
}

export type RunnerEvent =
  | { type: "console"; level: ConsoleLevel; text: string }
  | { type: "error"; error: RunnerError }
  /** The script created this run (the bloc's check judges the runs of the last execution). */
  | { type: "run-created"; runId: string }
  /** The script ended this run (any status but RUNNING): its host need not end it (open-runs.ts). */
  | { type: "run-ended"; runId: string };

export type RunOutcome =
  | { status: "succeeded" }
  | { status: "failed" }
  | { status: "timed-out"; timeoutMs: number }
  | { status: "stopped" };

export interface RunOptions {
  signal: AbortSignal;
  onEvent: (event: RunnerEvent) => void;
}

export interface Runner {
  readonly kind: "worker" | "webcontainer";
  run(request: RunRequest, options: RunOptions): Promise<RunOutcome>;
}
