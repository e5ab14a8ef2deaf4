import type { Metadata } from "next";
import Link from "next/link";
import { MetricParamScatter, type ChartRun } from "@/components/tracking/charts/metric-param-scatter";
import { ParallelCoordinates } from "@/components/tracking/charts/parallel-coordinates";
import { formatMetric } from "@/components/tracking/format";
import { keyMetricsFirst } from "@/components/tracking/metric-order";
import { RunStatusBadge } from "@/components/tracking/run-status";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { SectionCard } from "@/components/ui/section-card";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import type { ComparisonRow } from "@/lib/server/views/run-columns";
import { compareRunsView } from "@/lib/server/views/runs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Comparaison de runs" };

type SearchParams = Promise<{ runs?: string }>;

/** A key like `training_root_mean_squared_error`, allowed to wrap after its underscores rather than mid-word. */
function BreakableKey({ text }: { text: string }) {
  const parts = text.split(/(?<=_)/u);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}

function ComparisonTable<T>({ caption, rows, names, format }: { caption: string; rows: ComparisonRow<T>[]; names: string[]; format: (value: T | undefined) => string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">Aucun.</p>;
  return (
    // Scrolls sideways inside itself (a phone shows one or two runs' columns); focusable so the keyboard can scroll it.
    <div className="relative overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
            <th scope="col" className="sticky left-0 z-[1] bg-white py-1.5 pr-3 font-medium dark:bg-stone-900">
              Nom
            </th>
            {names.map((name, index) => (
              <th key={`${index}-${name}`} scope="col" className="min-w-[7rem] px-2 py-1.5 font-mono font-medium">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              aria-label={`${row.key}${row.differs ? " (diffère)" : ""}`}
              className={`border-b border-stone-100 last:border-0 dark:border-stone-800/60 ${row.differs ? "bg-amber-50 dark:bg-amber-950/30" : ""}`}
            >
              {/* The name stays in view while the runs' columns scroll sideways (a phone shows one or two). */}
              <th
                scope="row"
                className={`sticky left-0 z-[1] max-w-[9rem] break-words py-1.5 pr-3 sm:max-w-[16rem] text-left font-mono text-[13px] font-normal ${row.differs ? "bg-amber-50 dark:bg-[#2b1d0e]" : "bg-white dark:bg-stone-900"}`}
              >
                <BreakableKey text={row.key} />
                {row.differs && (
                  <span className="ml-2 rounded-full bg-amber-200 px-1.5 py-0.5 font-sans text-[10px] font-medium text-amber-900 dark:bg-amber-800 dark:text-amber-100">diffère</span>
                )}
              </th>
              {row.values.map((value, index) => (
                <td key={index} className="break-words px-2 py-1.5 font-mono text-[13px]">
                  {format(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const { runs: raw = "" } = await searchParams;
  const ids = raw.split(",").map((id) => id.trim()).filter(Boolean);
  const workspace = await requireWorkspace(`/suivi/comparer?runs=${encodeURIComponent(raw)}`);
  const view = await compareRunsView(workspace.id, ids);
  const { runs, experiments, comparison, numericParams, missing } = view;
  const names = runs.map((run) => run.info.runName || run.info.runId.slice(0, 8));
  const chartRuns: ChartRun[] = runs.map((run, index) => ({
    runId: run.info.runId,
    name: names[index]!,
    params: Object.fromEntries(run.data.params.map((p) => [p.key, p.value])),
    metrics: Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value])),
  }));
  // The key metrics (rmse, mae, r2) first, in the table and as the charts' defaults.
  const metricRows = keyMetricsFirst(comparison.metrics.map((row) => row.key)).map((key) => comparison.metrics.find((row) => row.key === key)!);
  const metricKeys = metricRows.map((row) => row.key);
  const firstExperiment = experiments[0];

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs
        items={[
          { label: "Suivi", href: "/suivi" },
          ...(experiments.length === 1 && firstExperiment ? [{ label: firstExperiment.name, href: `/suivi/experiences/${firstExperiment.experimentId}` }] : []),
          { label: "Comparaison" },
        ]}
      />
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Comparer {runs.length} runs</h1>
      {missing.length > 0 && (
        <p role="alert" className="mt-3 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Introuvable{missing.length > 1 ? "s" : ""} dans votre espace : <code className="break-all font-mono">{missing.join(", ")}</code>
        </p>
      )}
      {runs.length < 2 ? (
        <div className="mt-5">
          <EmptyState title="Choisissez au moins deux runs à comparer.">
            Dans le tableau des runs d&apos;une expérience, cochez les runs puis cliquez sur « Comparer ».{" "}
            <Link href="/suivi" className="font-medium text-wine-600 hover:underline dark:text-wine-200">
              Voir les expériences
            </Link>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-5 grid gap-4">
          <SectionCard id="runs-compares" title="Runs">
            <ul className="flex flex-wrap gap-2 text-sm">
              {runs.map((run, index) => (
                <li key={run.info.runId} className="flex items-center gap-2 rounded-md border border-stone-200 px-2 py-1 dark:border-stone-800">
                  <Link href={`/suivi/runs/${run.info.runId}`} className="font-mono text-wine-700 hover:underline dark:text-wine-200">
                    {names[index]}
                  </Link>
                  <RunStatusBadge status={run.info.status} />
                </li>
              ))}
            </ul>
          </SectionCard>
          <SectionCard id="cmp-metrics" title="Métriques">
            <ComparisonTable caption="Métriques des runs comparés" rows={metricRows} names={names} format={formatMetric} />
          </SectionCard>
          <SectionCard id="cmp-params" title="Paramètres">
            <ComparisonTable caption="Paramètres des runs comparés" rows={comparison.params} names={names} format={(value) => value ?? "—"} />
          </SectionCard>
          {comparison.tags.length > 0 && (
            <SectionCard id="cmp-tags" title="Tags">
              <ComparisonTable caption="Tags des runs comparés" rows={comparison.tags} names={names} format={(value) => value ?? "—"} />
            </SectionCard>
          )}
          <SectionCard id="cmp-scatter" title="Métrique en fonction d'un paramètre">
            <MetricParamScatter runs={chartRuns} numericParams={numericParams} metrics={metricKeys} />
          </SectionCard>
          <SectionCard id="cmp-parallel" title="Coordonnées parallèles">
            <ParallelCoordinates runs={chartRuns} numericParams={numericParams} metrics={metricKeys} />
          </SectionCard>
        </div>
      )}
    </main>
  );
}
