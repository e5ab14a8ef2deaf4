/**
 * How long the current request waited for SQLite's writer (its transactions' turns), so that the
 * API can say it in Server-Timing (`db-wait`) beside the handler's whole time: under load, the
 * figure that tells queueing for the writer from everything else (bench/class prints both).
 */
import { AsyncLocalStorage } from "node:async_hooks";

const current = new AsyncLocalStorage<{ ms: number }>();

/** Runs `work`, adding up the writer waits made on its behalf. */
export function trackWriteWait<T>(work: () => Promise<T>): { result: Promise<T>; waitedMs: () => number } {
  const total = { ms: 0 };
  return { result: current.run(total, work), waitedMs: () => total.ms };
}

/** Adds a wait to the request in whose context it was made (none outside a request). */
export function recordWriteWait(ms: number): void {
  const total = current.getStore();
  if (total) total.ms += ms;
}
