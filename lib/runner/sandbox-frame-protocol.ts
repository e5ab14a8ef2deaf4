import type { FromSandbox, ToSandbox } from "./sandbox-protocol";

/**
 * Messages between the lesson page and the sandbox frame (`/bac-a-sable`, an opaque origin that
 * hosts the sandbox workers, docs/decisions/010). The page sends the worker script once, then
 * starts, feeds and terminates workers by id; the frame relays what each worker says.
 */

/** Where the self-contained sandbox worker script is published (lib/runner/node/sandbox-bundle.ts). */
export const SANDBOX_WORKER_URL = "/generated/sandbox-worker.js";

/** The frame's route (app/bac-a-sable/route.ts). */
export const SANDBOX_FRAME_PATH = "/bac-a-sable";

export type ToFrame =
  | { type: "script"; script: Blob }
  | { type: "start"; id: number }
  | { type: "post"; id: number; message: ToSandbox }
  | { type: "terminate"; id: number };

export type FromFrame =
  | { type: "message"; id: number; message: FromSandbox }
  /** The worker failed to load, or threw where nothing caught it. */
  | { type: "error"; id: number; message: string };
