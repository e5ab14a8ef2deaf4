/**
 * What an open lesson tab's live panel sends, as pluggable strategies. `push` is what
 * components/tracking/use-workspace-tracking.ts does: the page's own reading policy
 * (panel-follower.ts) on the workspace's change feed, so the tab holds one stream and reads only
 * what each write changed. `poll` is what the panel did before the change feed (three searches
 * every 700 ms and one when code ends), kept as the baseline issue #15 measured.
 */
import { fetchPanelUpdate, type PanelState } from "../../components/tracking/panel-data";
import { followPanel } from "../../components/tracking/panel-follower";
import { EVERYTHING } from "../../components/tracking/panel-need";
import { subscribeFromNode } from "./change-stream-node";
import { asCategory } from "./lean-fetch";

/** The polling panel's pace before the change feed (its hook said 700 ms). */
const POLL_INTERVAL_MS = 700;

export interface Panel {
  /** The learner's code ended (the hook's `active` turned false). */
  codeEnded(): void;
  /** Closes the tab once the request in flight, if any, is answered. */
  close(): Promise<void>;
}

export type PanelStrategy = (trackingUri: string) => Panel;

export const pollPanel: PanelStrategy = (trackingUri) => {
  // Never aborted: a closed tab's last answers are waited for, not counted as failures.
  const signal = new AbortController().signal;
  let state: PanelState | null = null;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let wokenWhilePolling = false;
  let closed = false;

  const tick = (): void => {
    if (closed) return;
    if (inFlight) {
      wokenWhilePolling = true;
      return;
    }
    clearTimeout(timer);
    inFlight = asCategory("panel", async () => {
      try {
        // Everything, as the poll read it: the experiments, the runs of those already known and the registry at once.
        state = await fetchPanelUpdate(trackingUri, EVERYTHING, state, signal);
      } catch {
        // Counted by the fetch recorder; the hook shows a message and polls again.
      }
    }).finally(() => {
      inFlight = undefined;
      if (closed) return;
      if (wokenWhilePolling) {
        wokenWhilePolling = false;
        tick();
      } else {
        timer = setTimeout(tick, POLL_INTERVAL_MS);
      }
    });
  };
  tick();
  return {
    codeEnded: tick,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
};

/** `trackingUri` is `<base>/w/<workspace>`: the stream is the same workspace's, by its cookie. */
export const pushPanel: PanelStrategy = (trackingUri) => {
  const { origin, pathname } = new URL(trackingUri);
  const workspaceId = decodeURIComponent(pathname.split("/")[2] ?? "");
  const follower = asCategory("panel", () =>
    followPanel({
      trackingUri,
      // Events arrive on the stream's socket: their reads are filed as the panel's too.
      subscribe: (handlers) => subscribeFromNode(origin, workspaceId, handlers),
      onState: () => {},
      onFetchFailed: () => {},
      onStreamTrouble: () => {},
    }),
  );
  return {
    // The page no longer reads when code ends: the run's last write is an event.
    codeEnded: () => {},
    close: () => follower.finish(),
  };
};

export const PANEL_STRATEGIES: Record<string, PanelStrategy> = { push: pushPanel, poll: pollPanel };
