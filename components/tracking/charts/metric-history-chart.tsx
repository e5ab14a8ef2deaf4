"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetric } from "../format";
import { AXIS_TICK, seriesColor } from "./chart-theme";

export interface HistoryPoint {
  step: number;
  value: number;
}

/** One metric's values by step. Non-finite values are left out of the line (MLflow's charts do the same). */
export function MetricHistoryChart({ metricKey, points }: { metricKey: string; points: readonly HistoryPoint[] }) {
  const data = points.filter((point) => Number.isFinite(point.value));
  return (
    <figure className="min-w-0 rounded-lg border border-stone-200 p-3 dark:border-stone-800">
      <figcaption className="mb-2 flex items-baseline gap-2 text-sm">
        <span className="font-mono font-medium">{metricKey}</span>
        <span className="text-xs text-stone-600 dark:text-stone-400">
          {points.length} valeur{points.length > 1 ? "s" : ""} · dernière {formatMetric(points.at(-1)?.value)}
        </span>
      </figcaption>
      <div className="h-48 text-stone-600 dark:text-stone-400" role="img" aria-label={`Historique de la métrique ${metricKey} par étape`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="step" type="number" domain={["dataMin", "dataMax"]} tick={AXIS_TICK} allowDecimals={false} />
            <YAxis dataKey="value" tick={AXIS_TICK} width={56} tickFormatter={(value: number) => formatMetric(value)} domain={["auto", "auto"]} />
            <Tooltip
              formatter={(value) => [formatMetric(Number(value)), metricKey]}
              labelFormatter={(step) => `étape ${String(step)}`}
              contentStyle={{ fontSize: 12, color: "#1c1917" }}
            />
            <Line type="monotone" dataKey="value" stroke={seriesColor(0)} strokeWidth={2} dot={data.length <= 30} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
