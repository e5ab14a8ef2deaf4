"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime, formatDuration, formatMetric } from "./format";
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

function SortHeader(props: { label: string; type: ColumnType; columnKey: string; table: RunsTableProps; group?: string; numeric?: boolean }) {
  const { label, type, columnKey, table, group, numeric } = props;
  const link = table.sortLinks[`${type}:${columnKey}`];
  const direction = link?.direction ?? "none";
  return (
    <th scope="col" aria-sort={direction} className={`whitespace-nowrap px-2 py-2 font-medium ${numeric ? "text-right" : "text-left"}`}>
      <Link
        href={link?.href ?? "#"}
        className="inline-flex items-center gap-1 rounded hover:text-wine-700 hover:underline dark:hover:text-wine-200"
        aria-label={`Trier par ${group ? `${group} ` : ""}${label}${direction === "ascending" ? ", ordre croissant" : direction === "descending" ? ", ordre décroissant" : ""}`}
      >
        {group && <span className="text-[10px] font-normal text-stone-400">{group}</span>}
        <span>{label}</span>
        <span aria-hidden="true">{direction === "ascending" ? "▲" : direction === "descending" ? "▼" : ""}</span>
      </Link>
    </th>
  );
}

/** An experiment's runs with a column per param, metric and tag; select runs to compare them. */
export function RunsTable(props: RunsTableProps) {
  const { experimentName, runs, columns } = props;
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);

  const toggle = (runId: string) =>
    setSelected((previous) => (previous.includes(runId) ? previous.filter((id) => id !== runId) : [...previous, runId]));
  const allSelected = runs.length > 0 && selected.length === runs.length;

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
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Runs de l&apos;expérience {experimentName}</caption>
          <thead>
            <tr className="border-b border-stone-200 text-xs text-stone-500 dark:border-stone-800">
              <th scope="col" className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Sélectionner tous les runs"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? [] : runs.map((run) => run.runId))}
                  className="h-4 w-4 accent-wine-600"
                />
              </th>
              <SortHeader label="Run" type="attribute" columnKey="run_name" table={props} />
              <SortHeader label="Début" type="attribute" columnKey="start_time" table={props} />
              <th scope="col" className="px-2 py-2 text-left font-medium">Durée</th>
              <SortHeader label="Statut" type="attribute" columnKey="status" table={props} />
              {columns.params.map((key) => (
                <SortHeader key={`p-${key}`} label={key} group="param" type="param" columnKey={key} table={props} />
              ))}
              {columns.metrics.map((key) => (
                <SortHeader key={`m-${key}`} label={key} group="métrique" type="metric" columnKey={key} table={props} numeric />
              ))}
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
                  <td className="px-3 py-1.5">
                    <input
                      type="checkbox"
                      aria-label={`Sélectionner le run ${name}`}
                      checked={isSelected}
                      onChange={() => toggle(run.runId)}
                      className="h-4 w-4 accent-wine-600"
                    />
                  </td>
                  <td className="max-w-[220px] px-2 py-1.5">
                    <Link href={`/suivi/runs/${run.runId}`} className="break-words font-mono text-[13px] font-medium text-wine-700 hover:underline dark:text-wine-200">
                      {name}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-2 py-1.5 text-xs text-stone-500">{formatDateTime(run.startTime)}</td>
                  <td className="whitespace-nowrap px-2 py-1.5 text-xs text-stone-500">{formatDuration(run.startTime, run.endTime)}</td>
                  <td className="px-2 py-1.5">
                    <RunStatusBadge status={run.status} />
                  </td>
                  {columns.params.map((key) => (
                    <td key={`p-${key}`} className="max-w-[200px] truncate px-2 py-1.5 font-mono text-[13px]" title={run.params[key]}>
                      {run.params[key] ?? "—"}
                    </td>
                  ))}
                  {columns.metrics.map((key) => (
                    <td key={`m-${key}`} className="px-2 py-1.5 text-right font-mono text-[13px] tabular-nums">
                      {formatMetric(run.metrics[key])}
                    </td>
                  ))}
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
