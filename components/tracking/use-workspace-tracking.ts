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

export interface PanelModelVersion {
  version: string;
  stage: string;
  runId: string;
  aliases: string[];
}

export interface PanelModel {
  name: string;
  /** Latest version of each stage, newest version first. */
  versions: PanelModelVersion[];
}

interface WireRun {
  info: { run_id: string; run_name?: string; experiment_id: string; status: string; start_time?: number | string };
  data?: { params?: { key: string; value: string }[]; metrics?: { key: string; value: number }[] };
}

interface WireRegisteredModel {
  name: string;
  latest_versions?: { version: string; current_stage?: string; run_id?: string; aliases?: string[] }[];
  aliases?: { alias: string; version: string }[];
}

/** Milliseconds between polls. The issue asks for changes within 1 s of the write, whether or not code runs. */
export const POLL_INTERVAL_MS = 700;
/**
 * While the learner's code runs, what it logs should show as it happens. Not much faster: every
 * poll is three requests that compete with the script's own on the same server.
 */
export const ACTIVE_POLL_INTERVAL_MS = 250;

class EndpointMissing extends Error {}

async function call<T>(trackingUri: string, endpoint: string, init: RequestInit, signal: AbortSignal): Promise<T> {
  const response = await fetch(`${trackingUri}/api/2.0/mlflow/${endpoint}`, { ...init, signal, cache: "no-store" });
  if (response.status === 404) {
    const body = (await response.json().catch(() => ({}))) as { error_code?: string };
    if (body.error_code === "ENDPOINT_NOT_FOUND") throw new EndpointMissing(endpoint);
  }
  if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function post<T>(trackingUri: string, endpoint: string, body: unknown, signal: AbortSignal): Promise<T> {
  return call<T>(trackingUri, endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }, signal);
}

async function searchRuns(trackingUri: string, experimentIds: readonly string[], signal: AbortSignal): Promise<WireRun[]> {
  if (experimentIds.length === 0) return [];
  const { runs = [] } = await post<{ runs?: WireRun[] }>(
    trackingUri,
    "runs/search",
    { experiment_ids: experimentIds, max_results: 100, order_by: ["attributes.start_time DESC"] },
    signal,
  );
  return runs;
}

/**
 * The experiments and their runs. The runs are searched in the experiments known from the last
 * poll at the same time as the experiments themselves (one round trip instead of two, which is
 * what a run showing in the panel waits for); a new experiment costs one more search.
 */
async function fetchExperiments(trackingUri: string, knownIds: readonly string[], signal: AbortSignal): Promise<PanelExperiment[]> {
  const [found, runsOfKnown] = await Promise.all([
    post<{ experiments?: { experiment_id: string; name: string }[] }>(
      trackingUri,
      "experiments/search",
      { max_results: 100, order_by: ["creation_time ASC"] },
      signal,
    ),
    searchRuns(trackingUri, knownIds, signal),
  ]);
  const experiments = found.experiments ?? [];
  const ids = experiments.map((experiment) => experiment.experiment_id);
  const runs = ids.every((id) => knownIds.includes(id)) ? runsOfKnown : await searchRuns(trackingUri, ids, signal);
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

/** The registry's models; an empty list when the server has no registry endpoints. */
async function fetchModels(trackingUri: string, signal: AbortSignal): Promise<PanelModel[]> {
  let registered: WireRegisteredModel[];
  try {
    ({ registered_models: registered = [] } = await call<{ registered_models?: WireRegisteredModel[] }>(
      trackingUri,
      "registered-models/search?max_results=100",
      { method: "GET" },
      signal,
    ));
  } catch (error) {
    if (error instanceof EndpointMissing) return [];
    throw error;
  }
  return registered.map((model) => ({
    name: model.name,
    versions: (model.latest_versions ?? [])
      .map((version) => ({
        version: version.version,
        stage: version.current_stage ?? "None",
        runId: version.run_id ?? "",
        aliases: (model.aliases ?? []).filter((alias) => alias.version === version.version).map((alias) => alias.alias),
      }))
      .sort((a, b) => Number(b.version) - Number(a.version)),
  }));
}

/**
 * Polls the workspace's tracking state (experiments, runs, registered models) through the same
 * REST API learner code uses, every 700 ms while the tab is visible, so that a write made by the
 * learner's code or by any MLflow client shows within a second (every 250 ms while code runs).
 * Paused while the tab is hidden. Code ending polls at once (after the poll in flight, if any),
 * so a finished run shows as soon as it is stored; code starting only shortens the wait, since
 * its first run does not exist yet and a poll now would compete with the script's first request.
 */
export function useWorkspaceTracking(trackingUri: string, active: boolean) {
  const [experiments, setExperiments] = useState<PanelExperiment[] | null>(null);
  const [models, setModels] = useState<PanelModel[]>([]);
  const [error, setError] = useState<string | null>(null);
  const wake = useRef<() => void>(() => {});
  const hurry = useRef<() => void>(() => {});
  const activeRef = useRef(active);

  useEffect(() => {
    activeRef.current = active;
    if (active) hurry.current();
    else wake.current();
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
            fetchExperiments(trackingUri, knownExperimentIds, abort.signal),
            fetchModels(trackingUri, abort.signal),
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
        timer = setTimeout(tick, activeRef.current ? ACTIVE_POLL_INTERVAL_MS : POLL_INTERVAL_MS);
      }
    };
    const onVisible = () => document.visibilityState === "visible" && void tick();
    document.addEventListener("visibilitychange", onVisible);
    wake.current = () => void tick();
    hurry.current = () => {
      if (polling) return;
      clearTimeout(timer);
      timer = setTimeout(tick, ACTIVE_POLL_INTERVAL_MS);
    };
    void tick();
    return () => {
      abort.abort();
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [trackingUri]);

  return { experiments, models, error };
}
