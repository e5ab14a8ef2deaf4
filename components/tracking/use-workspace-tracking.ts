"use client";

import { useEffect, useRef, useState } from "react";
import { fetchPanelExperiments, fetchPanelModels, type PanelExperiment, type PanelModel } from "./panel-data";

/**
 * Milliseconds between polls. The issue asks for changes within 1 s of the write, whether or not
 * code runs. Not faster while code runs: every poll is three requests and a render that compete
 * with the script for the server and the CPU, and a poll still in flight when the code ends
 * delays the one that shows its run (bench/run-loop: with a 250 ms pace while running, polls
 * were often still in flight when the code ended).
 */
export const POLL_INTERVAL_MS = 700;

/**
 * Polls the workspace's tracking state (experiments, runs, registered models) through the same
 * REST API learner code uses, every 700 ms while the tab is visible, so that a write made by the
 * learner's code or by any MLflow client shows within a second. Paused while the tab is hidden.
 * Code ending polls at once (after the poll in flight, if any), so a finished run shows as soon
 * as it is stored.
 */
export function useWorkspaceTracking(trackingUri: string, active: boolean) {
  const [experiments, setExperiments] = useState<PanelExperiment[] | null>(null);
  const [models, setModels] = useState<PanelModel[]>([]);
  const [error, setError] = useState<string | null>(null);
  const wake = useRef<() => void>(() => {});

  useEffect(() => {
    if (!active) wake.current();
  }, [active]);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polling = false;
    let wokenWhilePolling = false;
    let knownExperimentIds: string[] = [];
    const tick = async () => {
      if (polling) {
        wokenWhilePolling = true;
        return;
      }
      polling = true;
      clearTimeout(timer);
      if (document.visibilityState === "visible") {
        try {
          const [nextExperiments, nextModels] = await Promise.all([
            fetchPanelExperiments(trackingUri, knownExperimentIds, abort.signal),
            fetchPanelModels(trackingUri, abort.signal),
          ]);
          knownExperimentIds = nextExperiments.map((experiment) => experiment.experimentId);
          setExperiments(nextExperiments);
          setModels(nextModels);
          setError(null);
        } catch (caught) {
          if (abort.signal.aborted) return;
          setError("Le serveur de suivi ne répond pas. Nouvel essai dans un instant…");
          console.warn(caught);
        }
      }
      polling = false;
      if (abort.signal.aborted) return;
      if (wokenWhilePolling) {
        wokenWhilePolling = false;
        void tick();
      } else {
        timer = setTimeout(tick, POLL_INTERVAL_MS);
      }
    };
    const onVisible = () => document.visibilityState === "visible" && void tick();
    document.addEventListener("visibilitychange", onVisible);
    wake.current = () => void tick();
    void tick();
    return () => {
      abort.abort();
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [trackingUri]);

  return { experiments, models, error };
}
