import type { Experiment as WireExperiment, Metric as WireMetric, Run as WireRun } from "./protocol/entities";
import type { ModelVersion as WireModelVersion, RegisteredModel as WireRegisteredModel } from "./protocol/registry";
import type { RunStatus } from "./protocol/wire";

export type { RunStatus };

/** Like Python's `mlflow.entities.Experiment`, in camelCase. */
export interface Experiment {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: string;
  creationTime?: number;
  lastUpdateTime?: number;
  tags: Record<string, string>;
}

/** Like Python's `RunInfo`. */
export interface RunInfo {
  runId: string;
  runName: string;
  experimentId: string;
  userId: string;
  status: RunStatus;
  startTime?: number;
  endTime?: number;
  artifactUri: string;
  lifecycleStage: string;
}

/** Like Python's `RunData`: the latest value of each metric, params and tags as dictionaries. */
export interface RunData {
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/** Like Python's `mlflow.entities.Run`. */
export interface Run {
  info: RunInfo;
  data: RunData;
}

function toRecord<V>(items: readonly { key: string; value: V }[]): Record<string, V> {
  return Object.fromEntries(items.map((item) => [item.key, item.value]));
}

export function experimentFromWire(wire: WireExperiment): Experiment {
  return {
    experimentId: wire.experiment_id,
    name: wire.name,
    artifactLocation: wire.artifact_location ?? "",
    lifecycleStage: wire.lifecycle_stage ?? "active",
    creationTime: wire.creation_time,
    lastUpdateTime: wire.last_update_time,
    tags: toRecord(wire.tags ?? []),
  };
}

export function runFromWire(wire: WireRun): Run {
  const { info, data } = wire;
  return {
    info: {
      runId: info.run_id,
      runName: info.run_name ?? "",
      experimentId: info.experiment_id,
      userId: info.user_id,
      status: info.status,
      startTime: info.start_time,
      endTime: info.end_time,
      artifactUri: info.artifact_uri ?? "",
      lifecycleStage: info.lifecycle_stage,
    },
    data: { metrics: toRecord(data.metrics), params: toRecord(data.params), tags: toRecord(data.tags) },
  };
}

/** Like Python's `mlflow.entities.Metric`: one logged value. */
export interface Metric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

/** Like Python's `mlflow.entities.model_registry.ModelVersion`. */
export interface ModelVersion {
  name: string;
  /** A string, as in MLflow ("1", "2"…). */
  version: string;
  creationTimestamp?: number;
  lastUpdatedTimestamp?: number;
  userId?: string;
  /** "None", "Staging", "Production" or "Archived". */
  currentStage: string;
  description?: string;
  source?: string;
  runId?: string;
  status: string;
  statusMessage?: string;
  tags: Record<string, string>;
  runLink?: string;
  aliases: string[];
}

/** Like Python's `mlflow.entities.model_registry.RegisteredModel`. */
export interface RegisteredModel {
  name: string;
  creationTimestamp?: number;
  lastUpdatedTimestamp?: number;
  description?: string;
  /** The latest version of each stage. */
  latestVersions: ModelVersion[];
  tags: Record<string, string>;
  /** Alias → version, as Python's `RegisteredModel.aliases`. */
  aliases: Record<string, string>;
}

export function metricFromWire(wire: WireMetric): Metric {
  return { key: wire.key, value: wire.value, timestamp: wire.timestamp, step: wire.step };
}

export function modelVersionFromWire(wire: WireModelVersion): ModelVersion {
  return {
    name: wire.name,
    version: wire.version,
    creationTimestamp: wire.creation_timestamp,
    lastUpdatedTimestamp: wire.last_updated_timestamp,
    userId: wire.user_id,
    currentStage: wire.current_stage,
    description: wire.description,
    source: wire.source,
    runId: wire.run_id,
    status: wire.status,
    statusMessage: wire.status_message,
    tags: toRecord(wire.tags),
    runLink: wire.run_link,
    aliases: wire.aliases,
  };
}

export function registeredModelFromWire(wire: WireRegisteredModel): RegisteredModel {
  return {
    name: wire.name,
    creationTimestamp: wire.creation_timestamp,
    lastUpdatedTimestamp: wire.last_updated_timestamp,
    description: wire.description,
    latestVersions: wire.latest_versions.map(modelVersionFromWire),
    tags: toRecord(wire.tags),
    aliases: Object.fromEntries(wire.aliases.map((alias) => [alias.alias, alias.version])),
  };
}
