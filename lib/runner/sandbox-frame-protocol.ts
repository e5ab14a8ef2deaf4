/**
 * Messages between the lesson page and the sandbox frame (`/bac-a-sable`, an opaque origin that
 * hosts the sandbox workers, docs/decisions/010). The page sends the worker script once, then
 * starts and terminates workers by id. Each worker gets one end of a `MessageChannel` whose other
 * end stays on the page: runs and their events travel on it directly, not through the frame's
 * main thread (one hop less each way on every message, bench/run-loop); the frame only reports a
 * worker that failed to load or threw where nothing caught it.
 */

/** Where the self-contained sandbox worker script is published (lib/runner/node/sandbox-bundle.ts). */
export const SANDBOX_WORKER_URL = "/generated/sandbox-worker.js";

/** The frame's route (app/bac-a-sable/route.ts). */
export const SANDBOX_FRAME_PATH = "/bac-a-sable";

export type ToFrame =
  | { type: "script"; script: Blob }
  /** `port` (transferred) is the worker's end of its channel to the page. */
  | { type: "start"; id: number; port: MessagePort }
  | { type: "terminate"; id: number };

/** The worker failed to load, or threw where nothing caught it. */
export type FromFrame = { type: "error"; id: number; message: string };

/** What the frame sends a new worker first: its channel to the page (in `event.ports`). */
export type ToWorkerFromFrame = { type: "port" };
