"use client";

import { useEffect, useState } from "react";
import { followWorkspaceChanges } from "./change-stream";
import { fetchPanelUpdate, type PanelExperiment, type PanelModel, type PanelState } from "./panel-data";
import { EVERYTHING, mergeNeeds, needOfChange, needsNothing, type PanelNeed } from "./panel-need";

/** After a failed fetch, when to try it again (the stream may stay silent for a long time). */
const FETCH_RETRY_MS = 2_000;

const UNREACHABLE = "Le serveur de suivi ne répond pas. Nouvel essai dans un instant…";
const STREAM_LOST = "Suivi en direct interrompu : reconnexion en cours… Ce qui est affiché peut ne plus être à jour.";

/**
 * The workspace's tracking state (experiments, runs, registered models), read through the same
 * REST API learner code uses and kept up to date by the workspace's change feed: the panel reads
 * everything when the stream opens (or reopens after missed writes), then only what each write
 * changed. An idle visible tab sends nothing but its one open stream; a hidden tab not even
 * that. Changes that arrive during a fetch are added up into one more fetch after it.
 */
export function useWorkspaceTracking(trackingUri: string) {
  const [state, setState] = useState<PanelState | null>(null);
  const [fetchFailed, setFetchFailed] = useState(false);
  const [streamFailing, setStreamFailing] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let current: PanelState | null = null;
    let pending: PanelNeed | null = null;
    let fetching = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const drain = async () => {
      if (fetching) return;
      fetching = true;
      while (pending !== null && !abort.signal.aborted) {
        const need = pending;
        pending = null;
        try {
          current = await fetchPanelUpdate(trackingUri, need, current, abort.signal);
          setState(current);
          setFetchFailed(false);
        } catch (caught) {
          if (abort.signal.aborted) break;
          setFetchFailed(true);
          console.warn(caught);
          // Kept for the retry, with whatever arrives meanwhile.
          pending = mergeNeeds(pending, need);
          retryTimer = setTimeout(() => void drain(), FETCH_RETRY_MS);
          break;
        }
      }
      fetching = false;
    };
    const request = (need: PanelNeed) => {
      if (needsNothing(need)) return;
      pending = mergeNeeds(pending, need);
      clearTimeout(retryTimer);
      void drain();
    };
    const experimentOfRun = (runId: string) =>
      current?.experiments.find((experiment) => experiment.runs.some((run) => run.runId === runId))?.experimentId;

    const stop = followWorkspaceChanges({
      onReady: (ready) => ready.refetch && request(EVERYTHING),
      onChange: (change) => request(needOfChange(change, experimentOfRun)),
      onTrouble: (failing) => {
        setStreamFailing(failing);
        // Without its stream the panel still shows the state of now rather than nothing.
        if (failing && current === null) request(EVERYTHING);
      },
    });
    return () => {
      abort.abort();
      clearTimeout(retryTimer);
      stop();
    };
  }, [trackingUri]);

  const experiments: PanelExperiment[] | null = state?.experiments ?? null;
  const models: PanelModel[] = state?.models ?? [];
  const error = fetchFailed ? UNREACHABLE : streamFailing ? STREAM_LOST : null;
  return { experiments, models, error };
}
