/**
 * The tracking store's entities (MLflow's mlflow/entities), in camelCase with plain numbers.
 *
 * Prisma rows never leave the store: it maps them to these. The REST layer turns these into
 * MLflow's JSON (`to-json.ts`), as MLflow's `to_proto` + `message_to_json` do; server
 * components may read them directly.
 */
import type { PagedList } from "@/lib/server/search";
import type { LifecycleStage, RunStatus, ViewType } from "@/lib/tracking/protocol";

export type { LifecycleStage, PagedList, RunStatus, ViewType };

export interface KeyValue {
  key: string;
  value: string;
}

export interface Experiment {
  /** MLflow's experiment_id: the per-workspace number as a string ("0" is Default). */
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  /** Milliseconds since the epoch. */
  creationTime: number;
  lastUpdateTime: number;
  tags: KeyValue[];
}

export interface Metric {
  key: string;
  /** May be NaN or ±Infinity (stored as 0 + isNan and a huge finite stand-in, as MLflow does). */
  value: number;
  timestamp: number;
  step: number;
}

export interface RunInfo {
  runId: string;
  runName: string;
  experimentId: string;
  userId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  artifactUri: string;
  lifecycleStage: LifecycleStage;
}

export interface RunData {
  /** The latest value of each metric (greatest step, then timestamp, then value). */
  metrics: Metric[];
  params: KeyValue[];
  tags: KeyValue[];
}

export interface Dataset {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface DatasetInput {
  dataset: Dataset;
  tags: KeyValue[];
}

export interface Run {
  info: RunInfo;
  data: RunData;
  inputs: { datasetInputs: DatasetInput[] };
}
