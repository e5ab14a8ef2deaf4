"use client";

import { useEffect, useRef, useState } from "react";
import { useWorkspaceTracking, type PanelRun } from "./use-workspace-tracking";

const STATUS_LABEL: Record<string, { text: string; style: string }> = {
  RUNNING: { text: "en cours", style: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200" },
  FINISHED: { text: "terminé", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" },
  FAILED: { text: "échoué", style: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200" },
  KILLED: { text: "interrompu", style: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
  SCHEDULED: { text: "prévu", style: "bg-stone-200 text-stone-700" },
};

function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, "");
}

/** Run ids seen for the first time in the latest poll (highlighted for a few seconds). */
function useFreshRuns(runs: PanelRun[]): Set<string> {
  const known = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  useEffect(() => {
    const ids = runs.map((run) => run.runId);
    if (known.current === null) {
      known.current = new Set(ids);
      return;
    }
    const added = ids.filter((id) => !known.current!.has(id));
    for (const id of added) known.current.add(id);
    if (added.length === 0) return;
    setFresh((previous) => new Set([...previous, ...added]));
    // Not cleared on re-render: every poll re-renders, and the highlight must still fade.
    setTimeout(() => setFresh((previous) => new Set([...previous].filter((id) => !added.includes(id)))), 6000);
  }, [runs]);
  return fresh;
}

function RunRow({ run, fresh }: { run: PanelRun; fresh: boolean }) {
  const status = STATUS_LABEL[run.status] ?? { text: run.status, style: "bg-stone-200" };
  return (
    <li
      aria-label={`Run ${run.runName}`}
      className={`rounded-md border px-3 py-2 transition-colors ${
        fresh ? "border-wine-500 bg-wine-50 dark:bg-wine-900/30" : "border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900"
      }`}
    >
      <div className="flex items-center gap-2">
        <span className="truncate font-mono text-[13px] font-medium">{run.runName || run.runId.slice(0, 8)}</span>
        <span className={`rounded-full px-2 py-0.5 text-[11px] ${status.style}`}>{status.text}</span>
        {fresh && <span className="text-[11px] font-medium text-wine-600 dark:text-wine-200">nouveau</span>}
        <time className="ml-auto shrink-0 text-[11px] text-stone-500" dateTime={new Date(run.startTime).toISOString()}>
          {new Date(run.startTime).toLocaleTimeString("fr-FR")}
        </time>
      </div>
      {(run.params.length > 0 || run.metrics.length > 0) && (
        <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {run.params.map((param) => (
            <div key={`p-${param.key}`} className="flex gap-1">
              <dt className="text-stone-500">param</dt>
              <dd className="font-mono">
                {param.key} = {param.value}
              </dd>
            </div>
          ))}
          {run.metrics.map((metric) => (
            <div key={`m-${metric.key}`} className="flex gap-1">
              <dt className="text-stone-500">métrique</dt>
              <dd className="font-mono">
                {metric.key} = {formatMetric(metric.value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/** The learner's experiments and runs, updating while their code runs. */
export function LivePanel({ trackingUri, active }: { trackingUri: string; active: boolean }) {
  const { experiments, error } = useWorkspaceTracking(trackingUri, active);
  const allRuns = (experiments ?? []).flatMap((experiment) => experiment.runs);
  const fresh = useFreshRuns(allRuns);
  const shown = (experiments ?? []).filter((experiment) => experiment.runs.length > 0 || experiment.name !== "Default");

  return (
    <section aria-labelledby="live-panel-title" className="rounded-lg border border-stone-200 bg-stone-50 p-3 dark:border-stone-800 dark:bg-stone-950">
      <div className="mb-2 flex items-center gap-2">
        <h2 id="live-panel-title" className="text-sm font-semibold">
          Suivi en direct
        </h2>
        <span className={`h-2 w-2 rounded-full ${active ? "animate-pulse bg-emerald-500" : "bg-stone-300 dark:bg-stone-700"}`} aria-hidden="true" />
        <span className="ml-auto truncate font-mono text-[11px] text-stone-500" title="URI de suivi de votre espace">
          {trackingUri}
        </span>
      </div>
      {error && (
        <p role="status" className="mb-2 text-xs text-amber-700 dark:text-amber-300">
          {error}
        </p>
      )}
      {experiments === null ? (
        <p className="text-sm text-stone-500">Chargement de vos expériences…</p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Aucun run pour l'instant : seule l'expérience <code className="font-mono">Default</code> existe. Lancez le code du bloc 1 pour créer votre
          première expérience.
        </p>
      ) : (
        <div className="space-y-3">
          {shown.map((experiment) => (
            <section key={experiment.experimentId} aria-label={`Expérience ${experiment.name}`}>
              <h3 className="mb-1 flex items-baseline gap-2 text-sm">
                <span className="font-medium">{experiment.name}</span>
                <span className="text-xs text-stone-500">
                  id {experiment.experimentId} · {experiment.runs.length} run{experiment.runs.length > 1 ? "s" : ""}
                </span>
              </h3>
              {experiment.runs.length === 0 ? (
                <p className="text-xs text-stone-500">Pas encore de run dans cette expérience.</p>
              ) : (
                <ul className="space-y-1.5">
                  {experiment.runs.slice(0, 8).map((run) => (
                    <RunRow key={run.runId} run={run} fresh={fresh.has(run.runId)} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
