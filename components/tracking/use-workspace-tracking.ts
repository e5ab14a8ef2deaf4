"use client";

import { useEffect, useState } from "react";
import { followWorkspaceChanges } from "./change-stream";
import type { PanelExperiment, PanelModel, PanelState } from "./panel-data";
import { followPanel } from "./panel-follower";

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
    const follower = followPanel({
      trackingUri,
      subscribe: followWorkspaceChanges,
      onState: setState,
      onFetchFailed: setFetchFailed,
      onStreamTrouble: setStreamFailing,
    });
    return follower.stop;
  }, [trackingUri]);

  const experiments: PanelExperiment[] | null = state?.experiments ?? null;
  const models: PanelModel[] = state?.models ?? [];
  const error = fetchFailed ? UNREACHABLE : streamFailing ? STREAM_LOST : null;
  return { experiments, models, error };
}
