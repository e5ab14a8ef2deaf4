"use client";

import { useEffect, useRef, useState } from "react";

/** What the live panel shows: the workspace's experiments and their runs, as the REST API returns them. */
export interface PanelRun {
  runId: string;
  runName: string;
  experimentId: string;
  status: string;
  startTime: number;
  params: { key: string; value: string }[];
  metrics: { key: string; value: number }[];
}

export interface PanelExperiment {
  experimentId: string;
  name: string;
  runs: PanelRun[];
}

interface WireRun {
  info: { run_id: string; run_name?: string; experiment_id: string; status: string; start_time?: number | string };
  data?: { params?: { key: string; value: string }[]; metrics?: { key: string; value: number }[] };
}

async function post<T>(trackingUri: string, endpoint: string, body: unknown, signal: AbortSignal): Promise<T> {
  const response = await fetch(`${trackingUri}/api/2.0/mlflow/${endpoint}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function fetchTracking(trackingUri: string, signal: AbortSignal): Promise<PanelExperiment[]> {
  const { experiments = [] } = await post<{ experiments?: { experiment_id: string; name: string }[] }>(
    trackingUri,
    "experiments/search",
    { max_results: 100, order_by: ["creation_time ASC"] },
    signal,
  );
  const { runs = [] } = await post<{ runs?: WireRun[] }>(
    trackingUri,
    "runs/search",
    { experiment_ids: experiments.map((experiment) => experiment.experiment_id), max_results: 100, order_by: ["attributes.start_time DESC"] },
    signal,
  );
  return experiments.map((experiment) => ({
    experimentId: experiment.experiment_id,
    name: experiment.name,
    runs: runs
      .filter((run) => run.info.experiment_id === experiment.experiment_id)
      .map((run) => ({
        runId: run.info.run_id,
        runName: run.info.run_name ?? "",
        experimentId: run.info.experiment_id,
        status: run.info.status,
        startTime: Number(run.info.start_time ?? 0),
        params: run.data?.params ?? [],
        metrics: run.data?.metrics ?? [],
      })),
  }));
}

/**
 * Polls the workspace's tracking state through the same REST API learner code uses: every
 * 500 ms while code runs (and a few seconds after), every 4 s otherwise, paused while the tab
 * is hidden.
 */
export function useWorkspaceTracking(trackingUri: string, active: boolean) {
  const [experiments, setExperiments] = useState<PanelExperiment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const activeUntil = useRef(0);
  const wake = useRef<() => void>(() => {});

  useEffect(() => {
    if (active) {
      activeUntil.current = Number.POSITIVE_INFINITY;
      wake.current();
    } else if (activeUntil.current === Number.POSITIVE_INFINITY) {
      activeUntil.current = Date.now() + 3000;
    }
  }, [active]);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polling = false;
    const tick = async () => {
      if (polling) return;
      polling = true;
      clearTimeout(timer);
      if (document.visibilityState === "visible") {
        try {
          setExperiments(await fetchTracking(trackingUri, abort.signal));
          setError(null);
        } catch (caught) {
          if (abort.signal.aborted) return;
          setError("Le serveur de suivi ne répond pas. Nouvel essai dans quelques secondes…");
          console.warn(caught);
        }
      }
      polling = false;
      if (!abort.signal.aborted) timer = setTimeout(tick, Date.now() < activeUntil.current ? 500 : 4000);
    };
    wake.current = () => void tick();
    void tick();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [trackingUri]);

  return { experiments, error };
}
