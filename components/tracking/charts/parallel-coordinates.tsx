"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetric } from "../format";
import { AXIS_TICK, seriesColor } from "./chart-theme";
import type { ChartRun } from "./metric-param-scatter";

interface Axis {
  label: string;
  valueOf: (run: ChartRun) => number | undefined;
}

/**
 * Parallel coordinates drawn with recharts' line chart: one vertical axis per numeric param and
 * metric, each scaled to [0, 1] over these runs (the tooltip shows the real values), one line per run.
 */
export function ParallelCoordinates({ runs, numericParams, metrics }: { runs: readonly ChartRun[]; numericParams: readonly string[]; metrics: readonly string[] }) {
  // A param every run shares says nothing about the sweep: it gets no axis.
  const varying = numericParams.filter((key) => new Set(runs.map((run) => run.params[key])).size > 1);
  const axes: Axis[] = [
    ...varying.map((key) => ({ label: key, valueOf: (run: ChartRun) => (run.params[key] === undefined ? undefined : Number(run.params[key])) })),
    ...metrics.map((key) => ({ label: key, valueOf: (run: ChartRun) => run.metrics[key] })),
  ];
  if (axes.length < 2) {
    return <p className="text-sm text-stone-500">Il faut au moins deux paramètres numériques ou métriques pour des coordonnées parallèles.</p>;
  }
  const data = axes.map((axis) => {
    const values = runs.map(axis.valueOf).filter((value): value is number => value !== undefined && Number.isFinite(value));
    const min = Math.min(...values);
    const max = Math.max(...values);
    const row: Record<string, number | string | undefined> = { axis: axis.label };
    runs.forEach((run, index) => {
      const value = axis.valueOf(run);
      if (value === undefined || !Number.isFinite(value)) return;
      row[`r${index}`] = max === min ? 0.5 : (value - min) / (max - min);
      row[`v${index}`] = value;
    });
    return row;
  });

  return (
    <div className="h-80 text-stone-500 dark:text-stone-400" role="img" aria-label={`Coordonnées parallèles sur ${axes.map((a) => a.label).join(", ")}, une ligne par run`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid vertical horizontal={false} strokeOpacity={0.5} />
          <XAxis dataKey="axis" tick={AXIS_TICK} interval={0} />
          <YAxis domain={[0, 1]} ticks={[0, 1]} tickFormatter={(value: number) => (value === 0 ? "min" : "max")} tick={AXIS_TICK} width={36} />
          <Tooltip
            contentStyle={{ fontSize: 12, color: "#1c1917" }}
            formatter={(_value, name, item) => {
              const index = Number(String(item.dataKey).slice(1));
              const row = item.payload as Record<string, number>;
              return [formatMetric(row[`v${index}`]), String(name)];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {runs.map((run, index) => (
            <Line key={run.runId} dataKey={`r${index}`} name={run.name} stroke={seriesColor(index)} strokeWidth={2} dot isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
