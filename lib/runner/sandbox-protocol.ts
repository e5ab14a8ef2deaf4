import type { TimingSpan } from "./run-timings";
import type { RunRequest, RunnerEvent } from "./types";

/** Messages between the lesson page and the sandbox worker. */
export type ToSandbox = {
  type: "run";
  request: RunRequest;
  /** Send this run's timeline before `done` (bench/run-loop; lib/runner/run-timings.ts). */
  timings?: boolean;
};
export type FromSandbox = RunnerEvent | { type: "done"; ok: boolean } | { type: "timings"; spans: TimingSpan[] };
