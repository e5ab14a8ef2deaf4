"use client";

import { useId, useState } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetric } from "../format";
import { defaultKey } from "./chart-labels";
import { AXIS_TICK, seriesColor } from "./chart-theme";

export interface ChartRun {
  runId: string;
  name: string;
  params: Record<string, string>;
  metrics: Record<string, number>;
}

const selectClass = "rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm dark:border-stone-700 dark:bg-stone-950";

/** A metric against a numeric param, one dot per run: how a sweep's setting moves the score. */
export function MetricParamScatter({ runs, numericParams, metrics }: { runs: readonly ChartRun[]; numericParams: readonly string[]; metrics: readonly string[] }) {
  // By default, what differs between these runs: a param every run shares draws a vertical line.
  const [param, setParam] = useState(() => defaultKey(numericParams, runs, (run, key) => run.params[key]));
  const [metric, setMetric] = useState(() => defaultKey(metrics, runs, (run, key) => run.metrics[key]));
  const paramId = useId();
  const metricId = useId();
  const data = runs
    .map((run) => ({ name: run.name, x: Number(run.params[param]), y: run.metrics[metric] }))
    .filter((point): point is { name: string; x: number; y: number } => Number.isFinite(point.x) && point.y !== undefined && Number.isFinite(point.y));

  if (numericParams.length === 0 || metrics.length === 0) {
    return <p className="text-sm text-stone-600 dark:text-stone-400">Il faut au moins un paramètre numérique et une métrique communs à ces runs pour tracer ce graphique.</p>;
  }
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={metricId}>Métrique (axe vertical)</label>
        <select id={metricId} value={metric} onChange={(event) => setMetric(event.target.value)} className={selectClass}>
          {metrics.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
        <label htmlFor={paramId}>Paramètre (axe horizontal)</label>
        <select id={paramId} value={param} onChange={(event) => setParam(event.target.value)} className={selectClass}>
          {numericParams.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </div>
      <div className="h-72 text-stone-600 dark:text-stone-400" role="img" aria-label={`Nuage de points : ${metric} en fonction de ${param}, un point par run`}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis type="number" dataKey="x" name={param} tick={AXIS_TICK} domain={["auto", "auto"]} label={{ value: param, position: "insideBottom", offset: -12, fill: "currentColor", fontSize: 12 }} />
            <YAxis type="number" dataKey="y" name={metric} tick={AXIS_TICK} width={60} domain={["auto", "auto"]} tickFormatter={(value: number) => formatMetric(value)} />
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              contentStyle={{ fontSize: 12, color: "#1c1917" }}
              formatter={(value, name) => [formatMetric(Number(value)), String(name)]}
            />
            <Scatter data={data} fill={seriesColor(0)} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
