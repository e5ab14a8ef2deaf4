"use client";

import { useEffect, useRef, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetric } from "../format";
import { wrapLabel } from "./chart-labels";
import { AXIS_TICK, seriesColor } from "./chart-theme";
import type { ChartRun } from "./metric-param-scatter";

/** Room around the plot and the y axis's width, in px: the x axis's slots are what remains. */
const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 };
const Y_AXIS_WIDTH = 36;
/** A 12 px label's widest characters (`_`, `m`, `w`) are about 7 px. */
const CHAR_PX = 7;
const LABEL_LINES = 3;
/** Narrower than this, an axis's name no longer reads: the chart scrolls sideways instead. */
const MIN_SLOT_PX = 100;
const LINE_PX = 14;

/** The element's width, following resizes (a phone turned sideways, a window narrowed). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * An axis's name under it, wrapped to its slot so that neighbours never overlap and the first
 * and last are not cut; the full name on hover (<title>) when it had to be shortened.
 */
function AxisName({ x, y, payload, maxChars }: { x?: number | string; y?: number | string; payload?: { value: unknown }; maxChars: number }) {
  const full = String(payload?.value ?? "");
  const lines = wrapLabel(full, maxChars, LABEL_LINES);
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <title>{full}</title>
      <text textAnchor="middle" fill="currentColor" fontSize={12}>
        {lines.map((line, index) => (
          <tspan key={index} x={0} dy={index === 0 ? 12 : LINE_PX}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

interface Axis {
  label: string;
  valueOf: (run: ChartRun) => number | undefined;
}

/**
 * Parallel coordinates drawn with recharts' line chart: one vertical axis per numeric param and
 * metric, each scaled to [0, 1] over these runs (the tooltip shows the real values), one line per run.
 */
export function ParallelCoordinates({ runs, numericParams, metrics }: { runs: readonly ChartRun[]; numericParams: readonly string[]; metrics: readonly string[] }) {
  const [frame, width] = useWidth();
  // A param every run shares says nothing about the sweep: it gets no axis.
  const varying = numericParams.filter((key) => new Set(runs.map((run) => run.params[key])).size > 1);
  const axes: Axis[] = [
    ...varying.map((key) => ({ label: key, valueOf: (run: ChartRun) => (run.params[key] === undefined ? undefined : Number(run.params[key])) })),
    ...metrics.map((key) => ({ label: key, valueOf: (run: ChartRun) => run.metrics[key] })),
  ];
  if (axes.length < 2) {
    return <p className="text-sm text-stone-600 dark:text-stone-400">Il faut au moins deux paramètres numériques ou métriques pour des coordonnées parallèles.</p>;
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

  // Each axis gets an equal slot, its point in the middle: half a slot of padding at both ends.
  // On a phone the slots would be too narrow to name their axis: the chart grows and scrolls.
  const chartWidth = Math.max(width, MARGIN.left + MARGIN.right + Y_AXIS_WIDTH + MIN_SLOT_PX * axes.length);
  const slot = (chartWidth - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH) / axes.length;
  const maxChars = Math.floor((slot - 6) / CHAR_PX);
  const scrolls = width > 0 && chartWidth > width;
  const label = `Coordonnées parallèles sur ${axes.map((a) => a.label).join(", ")}, une ligne par run`;

  return (
    <div
      ref={frame}
      className="overflow-x-auto"
      // A frame that scrolls must be reachable from the keyboard.
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": "Coordonnées parallèles, à faire défiler" } : {})}
    >
      <div className="h-96 text-stone-600 dark:text-stone-400" style={{ width: chartWidth || undefined }} role="img" aria-label={label}>
        {width > 0 && (
          <LineChart width={chartWidth} height={384} data={data} margin={MARGIN}>
            <CartesianGrid vertical horizontal={false} strokeOpacity={0.5} />
            <XAxis
              dataKey="axis"
              interval={0}
              padding={{ left: slot / 2, right: slot / 2 }}
              height={LABEL_LINES * LINE_PX + 8}
              tick={(props) => <AxisName x={props.x} y={props.y} payload={props.payload} maxChars={maxChars} />}
            />
            <YAxis domain={[0, 1]} ticks={[0, 1]} tickFormatter={(value: number) => (value === 0 ? "min" : "max")} tick={AXIS_TICK} width={Y_AXIS_WIDTH} />
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
        )}
      </div>
    </div>
  );
}
