/**
 * The live panel's reading policy, without React or the DOM: given a change stream, read
 * everything when it opens (or reopens after missed writes), then only what each change names,
 * changes that arrive during a read adding up into one more read after it. The hook
 * (use-workspace-tracking.ts) runs it in the page with the browser's EventSource; bench/class
 * runs the very same policy in Node, so the simulated class asks exactly what a tab asks.
 */
import type { ChangeStreamHandlers } from "./change-stream";
import { fetchPanelUpdate, type PanelState } from "./panel-data";
import { EVERYTHING, mergeNeeds, needOfChange, needsNothing, type PanelNeed } from "./panel-need";

/** After a failed read, when to try it again (the stream may stay silent for a long time). */
const FETCH_RETRY_MS = 2_000;

export interface PanelFollowerOptions {
  trackingUri: string;
  /** Opens the workspace's change stream with these handlers; returns the function that closes it. */
  subscribe(handlers: ChangeStreamHandlers): () => void;
  /** A read answered: the panel's new state. */
  onState(state: PanelState): void;
  /** Whether the last read failed (it is tried again after FETCH_RETRY_MS). */
  onFetchFailed(failed: boolean): void;
  /** Whether the stream keeps failing (it keeps reconnecting). */
  onStreamTrouble(failing: boolean): void;
}

export interface PanelFollower {
  /** Closes the stream and aborts the read in flight (a page leaving). */
  stop(): void;
  /** Closes the stream and resolves once the reads already asked for are answered (a bench's tab closing without counting aborted reads). */
  finish(): Promise<void>;
}

/** Starts following: the stream opens and the first read follows its `ready`. */
export function followPanel(options: PanelFollowerOptions): PanelFollower {
  const { trackingUri, subscribe, onState, onFetchFailed, onStreamTrouble } = options;
  const abort = new AbortController();
  let current: PanelState | null = null;
  let pending: PanelNeed | null = null;
  let fetching = false;
  let draining: Promise<void> = Promise.resolve();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const drain = async () => {
    if (fetching) return;
    fetching = true;
    while (pending !== null && !abort.signal.aborted) {
      const need = pending;
      pending = null;
      try {
        current = await fetchPanelUpdate(trackingUri, need, current, abort.signal);
        onState(current);
        onFetchFailed(false);
      } catch (caught) {
        if (abort.signal.aborted) break;
        onFetchFailed(true);
        console.warn(caught);
        // Kept for the retry, with whatever arrives meanwhile.
        pending = mergeNeeds(pending, need);
        retryTimer = setTimeout(() => (draining = drain()), FETCH_RETRY_MS);
        break;
      }
    }
    fetching = false;
  };
  const request = (need: PanelNeed) => {
    if (needsNothing(need)) return;
    pending = mergeNeeds(pending, need);
    clearTimeout(retryTimer);
    if (!fetching) draining = drain();
  };
  const experimentOfRun = (runId: string) =>
    current?.experiments.find((experiment) => experiment.runs.some((run) => run.runId === runId))?.experimentId;

  const close = subscribe({
    onReady: (ready) => ready.refetch && request(EVERYTHING),
    onChange: (change) => request(needOfChange(change, experimentOfRun)),
    onTrouble: (failing) => {
      onStreamTrouble(failing);
      // Without its stream the panel still shows the state of now rather than nothing.
      if (failing && current === null) request(EVERYTHING);
    },
  });
  return {
    stop: () => {
      abort.abort();
      clearTimeout(retryTimer);
      close();
    },
    finish: async () => {
      close();
      clearTimeout(retryTimer);
      await draining;
    },
  };
}
