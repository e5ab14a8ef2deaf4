import type { RunRequest, RunnerEvent } from "./types";

/** Messages between the lesson page and the sandbox worker. */
export type ToSandbox = { type: "run"; request: RunRequest };
export type FromSandbox = RunnerEvent | { type: "done"; ok: boolean };
