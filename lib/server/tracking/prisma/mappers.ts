/**
 * Prisma rows → store entities. The only place that knows both shapes; nothing outside
 * `lib/server/tracking/prisma/` sees a row.
 */
import type { Prisma } from "@/lib/server/db";
import type { Experiment, KeyValue, LifecycleStage, Metric, Run, RunInfo, RunStatus } from "../entities";
import { INFINITY_STAND_IN } from "./infinity-stand-in";

export const experimentInclude = { tags: true } satisfies Prisma.ExperimentInclude;
export type ExperimentRow = Prisma.ExperimentGetPayload<{ include: typeof experimentInclude }>;

/** What a Run entity needs: the experiment's public number and the run's data. */
export const runInclude = {
  experiment: { select: { number: true } },
  latestMetrics: true,
  params: true,
  tags: true,
  inputs: true,
} satisfies Prisma.RunInclude;
export type RunRow = Prisma.RunGetPayload<{ include: typeof runInclude }>;

export const runInfoInclude = { experiment: { select: { number: true } } } satisfies Prisma.RunInclude;
export type RunInfoRow = Prisma.RunGetPayload<{ include: typeof runInfoInclude }>;

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function keyValues(rows: readonly { key: string; value: string }[]): KeyValue[] {
  return rows.map(({ key, value }) => ({ key, value })).sort(byKey);
}

/**
 * NaN is stored as 0 with isNan, ±Infinity as a huge finite stand-in (SQL has neither), as
 * MLflow's SqlMetric does. Unlike MLflow (which answers ±MAX_VALUE), the stand-in reads back as
 * ±Infinity: what the learner logged.
 */
export function decodeMetricValue(row: { value: number; isNan: boolean }): number {
  if (row.isNan) return Number.NaN;
  if (row.value >= INFINITY_STAND_IN) return Infinity;
  if (row.value <= -INFINITY_STAND_IN) return -Infinity;
  return row.value;
}

export function toMetric(row: { key: string; value: number; isNan: boolean; timestamp: bigint; step: bigint }): Metric {
  return { key: row.key, value: decodeMetricValue(row), timestamp: Number(row.timestamp), step: Number(row.step) };
}

export function toExperiment(row: ExperimentRow): Experiment {
  return {
    experimentId: String(row.number),
    name: row.name,
    artifactLocation: row.artifactLocation,
    lifecycleStage: row.lifecycleStage as LifecycleStage,
    creationTime: Number(row.creationTime),
    lastUpdateTime: Number(row.lastUpdateTime),
    tags: keyValues(row.tags),
  };
}

export function toRunInfo(row: RunInfoRow): RunInfo {
  return {
    runId: row.id,
    runName: row.name,
    experimentId: String(row.experiment.number),
    userId: row.userId,
    status: row.status as RunStatus,
    startTime: Number(row.startTime),
    endTime: row.endTime === null ? null : Number(row.endTime),
    artifactUri: row.artifactUri,
    lifecycleStage: row.lifecycleStage as LifecycleStage,
  };
}

function parseInputTags(json: string): KeyValue[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return [];
    return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => ({ key, value: String(value) }));
  } catch {
    return [];
  }
}

export function toRun(row: RunRow): Run {
  return {
    info: toRunInfo(row),
    data: {
      metrics: row.latestMetrics.map(toMetric).sort(byKey),
      params: keyValues(row.params),
      tags: keyValues(row.tags),
    },
    inputs: {
      datasetInputs: row.inputs.map((input) => ({
        dataset: {
          name: input.name,
          digest: input.digest,
          sourceType: input.sourceType,
          source: input.source,
          schema: input.schema,
          profile: input.profile,
        },
        tags: parseInputTags(input.tags),
      })),
    },
  };
}
