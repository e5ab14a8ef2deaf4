"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime, formatDuration, formatMetric } from "./format";
import { keyMetricsFirst } from "./metric-order";
import { RunStatusBadge } from "./run-status";
import { runsToCsv, type CsvRun } from "./runs-csv";

export type TableRun = CsvRun;

interface RunsTableProps {
  experimentName: string;
  runs: readonly TableRun[];
  columns: { params: readonly string[]; metrics: readonly string[]; tags: readonly string[] };
  /** For each sortable column (`attribute:run_name`, `metric:rmse`…): the link that sorts by it and its current order. */
  sortLinks: Record<string, SortLink>;
}

export interface SortLink {
  href: string;
  direction: "ascending" | "descending" | "none";
}

type ColumnType = "attribute" | "param" | "metric" | "tag";

/**
 * A column's sort link. Its accessible name ("Trier par métrique rmse, ordre croissant") holds
 * the visible words in the order they show, so that a voice command naming what is seen reaches it.
 */
function SortLinkFor({ link, label, group }: { link: SortLink | undefined; label: string; group?: string }) {
  const direction = link?.direction ?? "none";
  const order = direction === "ascending" ? ", ordre croissant" : direction === "descending" ? ", ordre décroissant" : "";
  // A label rather than screen-reader-only spans: positioned hidden text inside a scrolled table
  // widened the page on a phone and moved the link's click target off its visible words.
  return (
    <Link
      href={link?.href ?? "#"}
      aria-label={`Trier par ${group ? `${group} ` : ""}${label}${order}`}
      className="rounded hover:text-wine-700 hover:underline dark:hover:text-wine-200"
    >
      {group && <span className="text-[11px] font-normal text-stone-600 dark:text-stone-400">{group} </span>}
      {label}
      <span aria-hidden="true">{direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : ""}</span>
    </Link>
  );
}

function SortHeader(props: { label: string; type: ColumnType; columnKey: string; table: RunsTableProps; group?: string; numeric?: boolean }) {
  const { label, type, columnKey, table, group, numeric } = props;
  const link = table.sortLinks[`${type}:${columnKey}`];
  return (
    <th scope="col" aria-sort={link?.direction ?? "none"} className={`whitespace-nowrap px-2 py-2 font-medium ${numeric ? "text-right" : "text-left"}`}>
      <SortLinkFor link={link} label={label} group={group} />
    </th>
  );
}

/**
 * The first column stays in view while the table scrolls sideways (on a phone the metrics are
 * to its right); it needs its own background so that scrolled cells do not show through.
 */
const STICKY_CELL = "sticky left-0 z-[1]";
const STICKY_BACKGROUND = "bg-white dark:bg-stone-900";

/** The run name's sort link, beside the select-all box in the sticky first column. */
function RunNameSortLink({ table }: { table: RunsTableProps }) {
  return <SortLinkFor link={table.sortLinks["attribute:run_name"]} label="Run" />;
}

/** An experiment's runs with a column per param, metric and tag; select runs to compare them. */
export function RunsTable(props: RunsTableProps) {
  const { experimentName, runs, columns } = props;
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);

  const toggle = (runId: string) =>
    setSelected((previous) => (previous.includes(runId) ? previous.filter((id) => id !== runId) : [...previous, runId]));
  const allSelected = runs.length > 0 && selected.length === runs.length;
  const metricColumns = keyMetricsFirst(columns.metrics);

  const download = () => {
    const blob = new Blob([runsToCsv(runs, columns)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `runs-${experimentName.replace(/[^\w.-]+/gu, "_")}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
          {runs.length} run{runs.length > 1 ? "s" : ""}
          {selected.length > 0 && ` · ${selected.length} sélectionné${selected.length > 1 ? "s" : ""}`}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          <button
            type="button"
            disabled={selected.length < 2}
            onClick={() => router.push(`/suivi/comparer?runs=${selected.join(",")}`)}
            className="rounded-md bg-wine-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-wine-700 disabled:cursor-not-allowed disabled:opacity-40"
            title={selected.length < 2 ? "Cochez au moins deux runs" : undefined}
          >
            Comparer ({selected.length})
          </button>
          <button
            type="button"
            onClick={download}
            disabled={runs.length === 0}
            className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-40 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            Télécharger en CSV
          </button>
        </div>
      </div>
      {/* relative: the screen-reader-only texts in the headers are positioned; their containing block must be this frame, or they widen the page past the scroll. */}
      <div className="relative overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Runs de l&apos;expérience {experimentName}</caption>
          <thead>
            <tr className="border-b border-stone-200 text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <th scope="col" aria-sort={props.sortLinks["attribute:run_name"]?.direction ?? "none"} className={`${STICKY_CELL} ${STICKY_BACKGROUND} whitespace-nowrap px-3 py-2 text-left font-medium`}>
                <span className="flex items-center gap-3">
                  <input
                    type="checkbox"
                    aria-label="Sélectionner tous les runs"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? [] : runs.map((run) => run.runId))}
                    className="h-4 w-4 accent-wine-600"
                  />
                  <RunNameSortLink table={props} />
                </span>
              </th>
              {/* Metrics first (the key ones first), then params: what a learner compares runs by. */}
              {metricColumns.map((key) => (
                <SortHeader key={`m-${key}`} label={key} group="métrique" type="metric" columnKey={key} table={props} numeric />
              ))}
              {columns.params.map((key) => (
                <SortHeader key={`p-${key}`} label={key} group="param" type="param" columnKey={key} table={props} />
              ))}
              <SortHeader label="Statut" type="attribute" columnKey="status" table={props} />
              <SortHeader label="Début" type="attribute" columnKey="start_time" table={props} />
              <th scope="col" className="px-2 py-2 text-left font-medium">Durée</th>
              {columns.tags.map((key) => (
                <SortHeader key={`t-${key}`} label={key} group="tag" type="tag" columnKey={key} table={props} />
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const isSelected = selected.includes(run.runId);
              const name = run.runName || run.runId.slice(0, 8);
              return (
                <tr
                  key={run.runId}
                  aria-label={`Run ${name}`}
                  className={`border-b border-stone-100 last:border-0 dark:border-stone-800/60 ${isSelected ? "bg-wine-50 dark:bg-wine-900/20" : ""}`}
                >
                  <td className={`${STICKY_CELL} min-w-[10rem] max-w-[14rem] px-3 py-1.5 ${isSelected ? "bg-wine-50 dark:bg-[#2a1219]" : STICKY_BACKGROUND}`}>
                    <span className="flex items-start gap-3">
                      <input
                        type="checkbox"
                        aria-label={`Sélectionner le run ${name}`}
                        checked={isSelected}
                        onChange={() => toggle(run.runId)}
                        className="mt-0.5 h-4 w-4 shrink-0 accent-wine-600"
                      />
                      {/* Breaks between words; inside one only when a word alone is wider than the column. */}
                      <Link href={`/suivi/runs/${run.runId}`} className="min-w-0 break-words font-mono text-[13px] font-medium text-wine-700 hover:underline dark:text-wine-200">
                        {name}
                      </Link>
                    </span>
                  </td>
                  {metricColumns.map((key) => (
                    <td key={`m-${key}`} className="px-2 py-1.5 text-right font-mono text-[13px] tabular-nums">
                      {formatMetric(run.metrics[key])}
                    </td>
                  ))}
                  {columns.params.map((key) => (
                    <td key={`p-${key}`} className="max-w-[200px] truncate px-2 py-1.5 font-mono text-[13px]" title={run.params[key]}>
                      {run.params[key] ?? "—"}
                    </td>
                  ))}
                  <td className="px-2 py-1.5">
                    <RunStatusBadge status={run.status} />
                  </td>
                  <td className="whitespace-nowrap px-2 py-1.5 text-xs text-stone-600 dark:text-stone-400">{formatDateTime(run.startTime)}</td>
                  <td className="whitespace-nowrap px-2 py-1.5 text-xs text-stone-600 dark:text-stone-400">{formatDuration(run.startTime, run.endTime)}</td>
                  {columns.tags.map((key) => (
                    <td key={`t-${key}`} className="max-w-[200px] truncate px-2 py-1.5 text-[13px]" title={run.tags[key]}>
                      {run.tags[key] ?? "—"}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
