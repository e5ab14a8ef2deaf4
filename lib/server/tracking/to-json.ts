/**
 * Entities → MLflow's JSON, as MLflow's `to_proto()` + `message_to_json()` write it: snake_case,
 * int64 as numbers, non-finite doubles as "NaN"/"Infinity", empty lists and unset fields omitted,
 * fields in protobuf field-number order.
 */
import type { z } from "zod";
import {
  doubleToWire,
  type ExperimentSchema,
  type MetricSchema,
  type RunInfoSchema,
  type RunSchema,
} from "@/lib/tracking/protocol";
import type { Experiment, KeyValue, Metric, Run, RunInfo } from "./entities";

type Wire<S extends z.ZodType> = z.input<S>;

/** Omits a repeated field when empty, as protobuf JSON does. */
function list<K extends string, T>(name: K, items: readonly T[]): Partial<Record<K, T[]>> {
  return items.length > 0 ? ({ [name]: [...items] } as Record<K, T[]>) : {};
}

function pairs(items: readonly KeyValue[]): KeyValue[] {
  return items.map(({ key, value }) => ({ key, value }));
}

export function experimentToJson(experiment: Experiment): Wire<typeof ExperimentSchema> {
  return {
    experiment_id: experiment.experimentId,
    name: experiment.name,
    artifact_location: experiment.artifactLocation,
    lifecycle_stage: experiment.lifecycleStage,
    last_update_time: experiment.lastUpdateTime,
    creation_time: experiment.creationTime,
    ...list("tags", pairs(experiment.tags)),
  };
}

export function metricToJson(metric: Metric): Wire<typeof MetricSchema> {
  return { key: metric.key, value: doubleToWire(metric.value), timestamp: metric.timestamp, step: metric.step };
}

export function runInfoToJson(info: RunInfo): Wire<typeof RunInfoSchema> {
  return {
    run_uuid: info.runId,
    experiment_id: info.experimentId,
    run_name: info.runName,
    user_id: info.userId,
    status: info.status,
    start_time: info.startTime,
    // MLflow writes end_time only when set (`if self.end_time:`).
    ...(info.endTime ? { end_time: info.endTime } : {}),
    artifact_uri: info.artifactUri,
    lifecycle_stage: info.lifecycleStage,
    run_id: info.runId,
  };
}

export function runToJson(run: Run): Wire<typeof RunSchema> {
  return {
    info: runInfoToJson(run.info),
    data: {
      ...list("metrics", run.data.metrics.map(metricToJson)),
      ...list("params", pairs(run.data.params)),
      ...list("tags", pairs(run.data.tags)),
    },
    inputs: {
      ...list(
        "dataset_inputs",
        run.inputs.datasetInputs.map(({ dataset, tags }) => ({
          ...list("tags", pairs(tags)),
          dataset: {
            name: dataset.name,
            digest: dataset.digest,
            source_type: dataset.sourceType,
            source: dataset.source,
            ...(dataset.schema !== null ? { schema: dataset.schema } : {}),
            ...(dataset.profile !== null ? { profile: dataset.profile } : {}),
          },
        })),
      ),
    },
  };
}
