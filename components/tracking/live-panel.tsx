"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formatMetric } from "./format";
import { RunStatusBadge } from "./run-status";
import { STAGE_LABEL, StageBadge } from "./stage-badge";
import { previousFinishedRun, runChanges, type RunChanges } from "./run-changes";
import type { PanelModel, PanelRun } from "./panel-data";
import { useWorkspaceTracking } from "./use-workspace-tracking";

/** How long a new run or a moved model version stays highlighted. */
const HIGHLIGHT_MS = 6000;

/**
 * Keys first seen in the latest poll, highlighted for a few seconds. Nothing is fresh until the
 * first answer has arrived (`ready`): what was there on page load is not news.
 */
function useFreshKeys(keys: readonly string[], ready: boolean): Set<string> {
  const known = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const signature = keys.join("\n");
  useEffect(() => {
    if (!ready) return;
    const current = signature === "" ? [] : signature.split("\n");
    if (known.current === null) {
      known.current = new Set(current);
      return;
    }
    const added = current.filter((key) => !known.current!.has(key));
    known.current = new Set(current);
    if (added.length === 0) return;
    setFresh((previous) => new Set([...previous, ...added]));
    // Not cleared on re-render: every poll re-renders, and the highlight must still fade.
    setTimeout(() => setFresh((previous) => new Set([...previous].filter((key) => !added.includes(key)))), HIGHLIGHT_MS);
  }, [signature, ready]);
  return fresh;
}

function RunRow({ run, fresh, changes }: { run: PanelRun; fresh: boolean; changes: RunChanges | null }) {
  const changedLabel = "différent du run précédent";
  return (
    <li
      aria-label={`Run ${run.runName}`}
      className={`rounded-md border px-3 py-2 transition-colors ${
        fresh ? "border-wine-500 bg-wine-50 dark:bg-wine-900/30" : "border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900"
      }`}
    >
      <div className="flex items-center gap-2">
        {/* No prefetch: these open in a new tab, and prefetching each new run's page would
            compete with the learner's script for the server while it runs. */}
        <Link href={`/suivi/runs/${run.runId}`} target="_blank" prefetch={false} className="truncate font-mono text-[13px] font-medium hover:underline">
          {run.runName || run.runId.slice(0, 8)}
        </Link>
        <RunStatusBadge status={run.status} />
        {fresh && <span className="text-[11px] font-medium text-wine-600 dark:text-wine-200">nouveau</span>}
        <time className="ml-auto shrink-0 text-[11px] text-stone-500" dateTime={new Date(run.startTime).toISOString()}>
          {new Date(run.startTime).toLocaleTimeString("fr-FR")}
        </time>
      </div>
      {(run.params.length > 0 || run.metrics.length > 0) && (
        <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {run.params.map((param) => {
            const changed = changes?.params.has(param.key) ?? false;
            return (
              <div key={`p-${param.key}`} className={`flex gap-1 ${changed ? "rounded bg-amber-100 px-1 dark:bg-amber-900/40" : ""}`} title={changed ? changedLabel : undefined}>
                <dt className="text-stone-500">param</dt>
                <dd className="font-mono">
                  {param.key} = {param.value}
                  {changed && <span className="sr-only"> ({changedLabel})</span>}
                </dd>
              </div>
            );
          })}
          {run.metrics.map((metric) => {
            const changed = changes?.metrics.has(metric.key) ?? false;
            return (
              <div key={`m-${metric.key}`} className={`flex gap-1 ${changed ? "rounded bg-amber-100 px-1 dark:bg-amber-900/40" : ""}`} title={changed ? changedLabel : undefined}>
                <dt className="text-stone-500">métrique</dt>
                <dd className="font-mono">
                  {metric.key} = {formatMetric(metric.value)}
                  {changed && <span className="sr-only"> ({changedLabel})</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </li>
  );
}

/** A version's identity with its stage and aliases: a new value means it moved. */
function versionState(model: PanelModel, version: PanelModel["versions"][number]): string {
  return `${model.name}@${version.version}=${version.stage}|${[...version.aliases].sort().join(",")}`;
}

/** The registered models with the latest version of each stage and their aliases. */
function RegistrySection({ models }: { models: PanelModel[] }) {
  const moved = useFreshKeys(
    models.flatMap((model) => model.versions.map((version) => versionState(model, version))),
    true,
  );

  return (
    <section aria-label="Registre des modèles" className="mt-3 border-t border-stone-200 pt-3 dark:border-stone-800">
      <h3 className="mb-1 flex items-baseline gap-2 text-sm">
        <span className="font-medium">Registre des modèles</span>
        <Link href="/suivi/modeles" target="_blank" prefetch={false} className="text-xs text-wine-600 hover:underline dark:text-wine-200">
          ouvrir
        </Link>
      </h3>
      <ul className="space-y-1.5">
        {models.map((model) => (
          <li key={model.name} aria-label={`Modèle ${model.name}`} className="rounded-md border border-stone-200 bg-white px-3 py-2 dark:border-stone-800 dark:bg-stone-900">
            <p className="font-mono text-[13px] font-medium">{model.name}</p>
            {model.versions.length === 0 ? (
              <p className="text-xs text-stone-500">Aucune version enregistrée.</p>
            ) : (
              <ul className="mt-1 flex flex-wrap gap-2 text-xs">
                {model.versions.map((version) => {
                  const key = `${model.name}@${version.version}`;
                  const isMoved = moved.has(versionState(model, version));
                  return (
                    <li
                      key={key}
                      aria-label={`Version ${version.version} : ${STAGE_LABEL[version.stage]?.text ?? version.stage}${version.aliases.length ? `, alias ${version.aliases.join(", ")}` : ""}`}
                      className={`flex items-center gap-1 rounded px-1.5 py-0.5 ${isMoved ? "bg-wine-50 ring-1 ring-wine-500 dark:bg-wine-900/30" : ""}`}
                    >
                      <span className="font-mono">v{version.version}</span>
                      <StageBadge stage={version.stage} />
                      {version.aliases.map((alias) => (
                        <span key={alias} className="rounded bg-sky-100 px-1 font-mono text-[11px] text-sky-800 dark:bg-sky-900/50 dark:text-sky-200">
                          @{alias}
                        </span>
                      ))}
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The learner's experiments, runs and registered models, updating while their code runs. */
export function LivePanel({ trackingUri, active }: { trackingUri: string; active: boolean }) {
  const { experiments, models, error } = useWorkspaceTracking(trackingUri, active);
  const allRuns = (experiments ?? []).flatMap((experiment) => experiment.runs);
  const runIds = allRuns.map((run) => run.runId);
  const fresh = useFreshKeys(runIds, experiments !== null);
  const shown = (experiments ?? []).filter((experiment) => experiment.runs.length > 0 || experiment.name !== "Default");
  // The newest run of each experiment against the newest finished one before it.
  const latestChanges = new Map(shown.filter((e) => e.runs.length > 1).map((e) => [e.runs[0]!.runId, runChanges(e.runs[0]!, previousFinishedRun(e.runs))]));

  return (
    <section aria-labelledby="live-panel-title" data-pane="suivi" className="rounded-lg border border-stone-200 bg-stone-50 p-3 dark:border-stone-800 dark:bg-stone-950">
      <div className="mb-2 flex items-center gap-2">
        <h2 id="live-panel-title" className="shrink-0 text-sm font-semibold">
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
        <p className="text-sm text-stone-500" role="status">
          Chargement de vos expériences…
        </p>
      ) : shown.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Aucun run pour l&apos;instant : seule l&apos;expérience <code className="font-mono">Default</code> existe. Lancez le code du bloc 1 pour créer votre
          première expérience.
        </p>
      ) : (
        <div className="space-y-3">
          {shown.map((experiment) => (
            <section key={experiment.experimentId} aria-label={`Expérience ${experiment.name}`}>
              <h3 className="mb-1 flex flex-wrap items-baseline gap-2 text-sm">
                <span className="font-medium">{experiment.name}</span>
                <span className="text-xs text-stone-500">
                  id {experiment.experimentId} · {experiment.runs.length} run{experiment.runs.length > 1 ? "s" : ""}
                </span>
                <Link href={`/suivi/experiences/${experiment.experimentId}`} target="_blank" prefetch={false} className="ml-auto text-xs text-wine-600 hover:underline dark:text-wine-200">
                  tableau des runs
                </Link>
              </h3>
              {experiment.runs.length === 0 ? (
                <p className="text-xs text-stone-500">Pas encore de run dans cette expérience.</p>
              ) : (
                <ul className="space-y-1.5">
                  {experiment.runs.slice(0, 8).map((run) => (
                    <RunRow key={run.runId} run={run} fresh={fresh.has(run.runId)} changes={latestChanges.get(run.runId) ?? null} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
      {models.length > 0 && <RegistrySection models={models} />}
    </section>
  );
}
