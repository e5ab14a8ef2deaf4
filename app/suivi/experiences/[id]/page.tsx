import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunsTable, type SortLink, type TableRun } from "@/components/tracking/runs-table";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import type { Run } from "@/lib/server/tracking";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { formatSortParam, parseSortParam, type SortColumn } from "@/lib/server/views/filter-quoting";
import { experimentRuns, RUNS_TABLE_LIMIT } from "@/lib/server/views/runs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs de l'expérience" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<{ filtre?: string; tri?: string }>;

function toTableRun(run: Run): TableRun {
  return {
    runId: run.info.runId,
    runName: run.info.runName,
    status: run.info.status,
    startTime: run.info.startTime,
    endTime: run.info.endTime,
    params: Object.fromEntries(run.data.params.map((p) => [p.key, p.value])),
    metrics: Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value])),
    tags: Object.fromEntries(run.data.tags.map((t) => [t.key, t.value])),
  };
}

/** One link per sortable column; clicking the sorted column again reverses its order. */
function sortLinks(experimentId: string, filter: string, current: SortColumn | undefined, columns: { params: string[]; metrics: string[]; tags: string[] }) {
  const all: { type: SortColumn["type"]; key: string }[] = [
    { type: "attribute", key: "run_name" },
    { type: "attribute", key: "start_time" },
    { type: "attribute", key: "status" },
    ...columns.params.map((key) => ({ type: "param" as const, key })),
    ...columns.metrics.map((key) => ({ type: "metric" as const, key })),
    ...columns.tags.map((key) => ({ type: "tag" as const, key })),
  ];
  const links: Record<string, SortLink> = {};
  for (const { type, key } of all) {
    const active = current?.type === type && current.key === key;
    const query = new URLSearchParams();
    if (filter) query.set("filtre", filter);
    query.set("tri", formatSortParam({ type, key, ascending: active ? !current.ascending : true }));
    links[`${type}:${key}`] = {
      href: `/suivi/experiences/${experimentId}?${query.toString()}`,
      direction: active ? (current.ascending ? "ascending" : "descending") : "none",
    };
  }
  return links;
}

export default async function ExperimentRunsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id }, { filtre = "", tri }] = await Promise.all([params, searchParams]);
  const workspace = await requireWorkspace(`/suivi/experiences/${encodeURIComponent(id)}`);
  const sort = parseSortParam(tri);
  const view = await experimentRuns(workspace.id, id, { filter: filtre, sort });
  if (!view) notFound();
  const { experiment, runs, columns, problem, truncated } = view;

  return (
    <main className="mx-auto max-w-[1600px] px-4 py-6">
      <Breadcrumbs items={[{ label: "Suivi", href: "/suivi" }, { label: experiment.name }]} />
      <h1 className="break-words text-2xl font-semibold tracking-tight sm:text-3xl">{experiment.name}</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Expérience {experiment.experimentId} · emplacement des artefacts <code className="break-all font-mono text-xs">{experiment.artifactLocation}</code>
        {experiment.lifecycleStage === "deleted" && <strong className="ml-2 text-red-700 dark:text-red-300">supprimée</strong>}
      </p>

      <form method="get" role="search" aria-label="Filtrer les runs" className="mt-5 flex flex-wrap items-end gap-2 rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Filtre de recherche MLflow</span>
          <input
            name="filtre"
            defaultValue={filtre}
            placeholder="metrics.rmse < 0.8 and params.alpha = '0.5'"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "filter-problem" : "filter-help"}
            className="min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
        {tri && <input type="hidden" name="tri" value={tri} />}
        <button type="submit" className="rounded-md bg-wine-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-wine-700">
          Filtrer
        </button>
        {filtre && (
          <Link href={`/suivi/experiences/${experiment.experimentId}`} className="rounded-md px-3 py-1.5 text-sm text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800">
            Effacer
          </Link>
        )}
        <p id="filter-help" className="w-full text-xs text-stone-600 dark:text-stone-400">
          Même syntaxe que <code className="font-mono">mlflow.search_runs</code> : clauses reliées par <code className="font-mono">and</code>, sur{" "}
          <code className="font-mono">metrics.</code>, <code className="font-mono">params.</code>, <code className="font-mono">tags.</code> ou{" "}
          <code className="font-mono">attributes.</code>
        </p>
      </form>

      {problem && (
        <div id="filter-problem" role="alert" className="mt-3 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <p>{problem.message}</p>
          <p className="mt-1 break-words font-mono text-xs">{problem.detail}</p>
        </div>
      )}

      <div className="mt-4">
        {problem ? null : runs.length === 0 ? (
          <EmptyState title={filtre ? "Aucun run ne correspond à ce filtre." : "Aucun run dans cette expérience."}>
            {filtre ? (
              "Élargissez le filtre ou effacez-le."
            ) : (
              <>
                Lancez le code d&apos;un bloc avec <code className="font-mono">mlflow.setExperiment(&quot;{experiment.name}&quot;)</code> pour y créer un run :{" "}
                <Link href="/cours/1" className="font-medium text-wine-600 hover:underline dark:text-wine-200">
                  ouvrir le bloc 1
                </Link>
                .
              </>
            )}
          </EmptyState>
        ) : (
          <RunsTable
            experimentName={experiment.name}
            runs={runs.map(toTableRun)}
            columns={columns}
            sortLinks={sortLinks(experiment.experimentId, filtre, sort, columns)}
          />
        )}
        {truncated && <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">Seuls les {RUNS_TABLE_LIMIT} premiers runs sont affichés : affinez le filtre.</p>}
      </div>
    </main>
  );
}
