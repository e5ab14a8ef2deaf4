import type { Experiment as WireExperiment, Run as WireRun } from "./protocol/entities";
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
