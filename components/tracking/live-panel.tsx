"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { formatMetric } from "./format";
import { RunStatusBadge } from "./run-status";
import { STAGE_LABEL, StageBadge } from "./stage-badge";
import { previousFinishedRun, runChanges, type RunChanges } from "./run-changes";
import { keyMetricsFirst } from "./metric-order";
import type { PanelExperiment, PanelModel, PanelRun } from "./panel-data";
import { foldList, layoutPanel, moreLabel } from "./panel-order";
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

/**
 * Ids of the experiments that received a run after the first answer: the learner's code wrote
 * to them while this page was open, so they stay open even when the bloc does not name them.
 */
function useExperimentsWrittenNow(experiments: readonly PanelExperiment[] | null): Set<string> {
  const initialRuns = useRef<Set<string> | null>(null);
  const [written, setWritten] = useState<Set<string>>(new Set());
  const signature = (experiments ?? []).flatMap((experiment) => experiment.runs.map((run) => `${experiment.experimentId}/${run.runId}`)).join("\n");
  useEffect(() => {
    if (experiments === null) return;
    if (initialRuns.current === null) {
      initialRuns.current = new Set(experiments.flatMap((experiment) => experiment.runs.map((run) => run.runId)));
      return;
    }
    const known = initialRuns.current;
    const now = experiments.filter((experiment) => experiment.runs.some((run) => !known.has(run.runId))).map((experiment) => experiment.experimentId);
    setWritten((previous) => (now.every((id) => previous.has(id)) ? previous : new Set([...previous, ...now])));
    // The signature stands for the experiments: a new run changes it, a poll with the same runs does not.
  }, [signature, experiments === null]);
  return written;
}

/** How many of a run's metrics and params show before "+ N autres". */
const ENTRIES_SHOWN = 6;
/** How many runs of an open experiment show; its runs table has them all. */
const RUNS_SHOWN = 8;

interface RunEntry {
  id: string;
  kind: "param" | "métrique";
  key: string;
  text: string;
  changed: boolean;
}

/** A run's metrics (key metrics first) then its params, each marked when it changed. */
function runEntries(run: PanelRun, changes: RunChanges | null): RunEntry[] {
  const metrics = new Map(run.metrics.map((metric) => [metric.key, metric.value]));
  return [
    ...keyMetricsFirst([...metrics.keys()]).map((key) => ({
      id: `m-${key}`,
      kind: "métrique" as const,
      key,
      text: formatMetric(metrics.get(key)),
      changed: changes?.metrics.has(key) ?? false,
    })),
    ...run.params.map((param) => ({ id: `p-${param.key}`, kind: "param" as const, key: param.key, text: param.value, changed: changes?.params.has(param.key) ?? false })),
  ];
}

function Entry({ entry }: { entry: RunEntry }) {
  const changedLabel = "différent du run précédent";
  return (
    <div className={`flex min-w-0 gap-1 ${entry.changed ? "rounded bg-amber-100 px-1 dark:bg-amber-900/40" : ""}`} title={entry.changed ? changedLabel : undefined}>
      <dt className="text-stone-600 dark:text-stone-400">{entry.kind}</dt>
      <dd className="min-w-0 break-words font-mono">
        {entry.key} = {entry.text}
        {entry.changed && <span className="sr-only"> ({changedLabel})</span>}
      </dd>
    </div>
  );
}

function RunRow({ run, fresh, changes }: { run: PanelRun; fresh: boolean; changes: RunChanges | null }) {
  // Changed entries stay in view: they are what the learner just did.
  const { visible, hidden } = foldList(runEntries(run, changes), ENTRIES_SHOWN, (entry) => entry.changed);
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
        {fresh && <span className="text-[11px] font-medium text-wine-700 dark:text-wine-200">nouveau</span>}
        <time className="ml-auto shrink-0 text-[11px] text-stone-600 dark:text-stone-400" dateTime={new Date(run.startTime).toISOString()}>
          {new Date(run.startTime).toLocaleTimeString("fr-FR")}
        </time>
      </div>
      {visible.length > 0 && (
        <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {visible.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </dl>
      )}
      {hidden.length > 0 && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-wine-700 hover:underline dark:text-wine-200">{moreLabel(hidden.length)}</summary>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {hidden.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}

/** "3 runs", "1 run". */
function runCount(count: number): string {
  return `${count} run${count > 1 ? "s" : ""}`;
}

function ExperimentRuns({ experiment, fresh, latestChanges }: { experiment: PanelExperiment; fresh: Set<string>; latestChanges: Map<string, RunChanges> }) {
  if (experiment.runs.length === 0) return <p className="text-xs text-stone-600 dark:text-stone-400">Pas encore de run dans cette expérience.</p>;
  const more = experiment.runs.length - RUNS_SHOWN;
  return (
    <>
      <ul className="space-y-1.5">
        {experiment.runs.slice(0, RUNS_SHOWN).map((run) => (
          <RunRow key={run.runId} run={run} fresh={fresh.has(run.runId)} changes={latestChanges.get(run.runId) ?? null} />
        ))}
      </ul>
      {more > 0 && (
        <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          {moreLabel(more)} dans le{" "}
          <Link href={`/suivi/experiences/${experiment.experimentId}`} target="_blank" prefetch={false} className="text-wine-700 underline dark:text-wine-200">
            tableau des runs
          </Link>
        </p>
      )}
    </>
  );
}

function RunsTableLink({ experiment }: { experiment: PanelExperiment }) {
  return (
    <Link href={`/suivi/experiences/${experiment.experimentId}`} target="_blank" prefetch={false} className="text-xs text-wine-700 hover:underline dark:text-wine-200">
      tableau des runs
    </Link>
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
              <p className="text-xs text-stone-600 dark:text-stone-400">Aucune version enregistrée.</p>
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

/**
 * The learner's experiments, runs and registered models, updating while their code runs.
 * `currentExperiments`: the names the current bloc's code writes to, shown first and open.
 */
export function LivePanel({ trackingUri, active, currentExperiments = [] }: { trackingUri: string; active: boolean; currentExperiments?: readonly string[] }) {
  const { experiments, models, error } = useWorkspaceTracking(trackingUri);
  const allRuns = (experiments ?? []).flatMap((experiment) => experiment.runs);
  const runIds = allRuns.map((run) => run.runId);
  const fresh = useFreshKeys(runIds, experiments !== null);
  const writtenNow = useExperimentsWrittenNow(experiments);
  const { open, folded } = layoutPanel(experiments ?? [], currentExperiments, writtenNow);
  // The newest run of each experiment against the newest finished one before it.
  const latestChanges = new Map(
    [...open, ...folded].filter((e) => e.runs.length > 1).map((e) => [e.runs[0]!.runId, runChanges(e.runs[0]!, previousFinishedRun(e.runs))]),
  );

  return (
    <section aria-labelledby="live-panel-title" data-pane="suivi" className="rounded-lg border border-stone-200 bg-stone-50 p-3 dark:border-stone-800 dark:bg-stone-950">
      <div className="mb-2 flex items-center gap-2">
        <h2 id="live-panel-title" className="shrink-0 text-sm font-semibold">
          Suivi en direct
        </h2>
        <span className={`h-2 w-2 rounded-full ${active ? "animate-pulse bg-emerald-500" : "bg-stone-300 dark:bg-stone-700"}`} aria-hidden="true" />
        <span className="ml-auto truncate font-mono text-[11px] text-stone-600 dark:text-stone-400" title="URI de suivi de votre espace">
          {trackingUri}
        </span>
      </div>
      {error && (
        <p role="status" className="mb-2 text-xs text-amber-800 dark:text-amber-300">
          {error}
        </p>
      )}
      {experiments === null ? (
        <p className="text-sm text-stone-600 dark:text-stone-400" role="status">
          Chargement de vos expériences…
        </p>
      ) : open.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Aucun run pour l&apos;instant : seule l&apos;expérience <code className="font-mono">Default</code> existe. Lancez le code du bloc 1 pour créer votre
          première expérience.
        </p>
      ) : (
        <div className="space-y-3">
          {open.map((experiment) => (
            <section key={experiment.experimentId} aria-label={`Expérience ${experiment.name}`} data-experiment={experiment.name}>
              <h3 className="mb-1 flex flex-wrap items-baseline gap-2 text-sm">
                <span className="font-medium">{experiment.name}</span>
                <span className="text-xs text-stone-600 dark:text-stone-400">
                  id {experiment.experimentId} · {runCount(experiment.runs.length)}
                </span>
                <span className="ml-auto">
                  <RunsTableLink experiment={experiment} />
                </span>
              </h3>
              <ExperimentRuns experiment={experiment} fresh={fresh} latestChanges={latestChanges} />
            </section>
          ))}
          {folded.length > 0 && (
            <section aria-label="Autres expériences">
              <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-stone-600 dark:text-stone-400">Autres expériences ({folded.length})</h3>
              <div className="space-y-1">
                {folded.map((experiment) => (
                  <details key={experiment.experimentId} data-experiment={experiment.name} className="rounded-md border border-stone-200 bg-white px-3 py-1.5 dark:border-stone-800 dark:bg-stone-900">
                    <summary className="cursor-pointer text-sm">
                      <span className="font-medium">{experiment.name}</span>{" "}
                      <span className="text-xs text-stone-600 dark:text-stone-400">
                        · id {experiment.experimentId} · {runCount(experiment.runs.length)}
                      </span>
                    </summary>
                    <div className="mt-2 space-y-1.5">
                      <RunsTableLink experiment={experiment} />
                      <ExperimentRuns experiment={experiment} fresh={fresh} latestChanges={latestChanges} />
                    </div>
                  </details>
                ))}
              </div>
            </section>
          )}
        </div>
      )}
      {models.length > 0 && <RegistrySection models={models} />}
    </section>
  );
}
