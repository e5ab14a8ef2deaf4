/**
 * What an open lesson tab's live panel sends, as pluggable strategies. `poll` is what
 * components/tracking/use-workspace-tracking.ts does today, with the page's own request builders
 * (panel-data.ts): experiments, runs and registered models every POLL_INTERVAL_MS, and a poll
 * at once when code ends (after the one in flight).
 */
import { fetchPanelExperiments, fetchPanelModels } from "../../components/tracking/panel-data";
import { POLL_INTERVAL_MS } from "../../components/tracking/use-workspace-tracking";
import { asCategory } from "./lean-fetch";

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
  let knownExperimentIds: string[] = [];
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
        const [experiments] = await Promise.all([fetchPanelExperiments(trackingUri, knownExperimentIds, signal), fetchPanelModels(trackingUri, signal)]);
        knownExperimentIds = experiments.map((experiment) => experiment.experimentId);
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

export const PANEL_STRATEGIES: Record<string, PanelStrategy> = { poll: pollPanel };
