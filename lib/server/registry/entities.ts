/**
 * The model registry's entities (MLflow's mlflow/entities/model_registry), camelCase, plain
 * numbers. Prisma rows never leave the store; `to-json.ts` writes MLflow's JSON from these.
 */
import type { ModelVersionStage, ModelVersionStatus } from "@/lib/tracking/protocol";
import type { KeyValue } from "@/lib/server/tracking";

export type { KeyValue, ModelVersionStage, ModelVersionStatus };

export interface ModelVersion {
  name: string;
  /** "1", "2"… numbered per registered model. */
  version: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  userId: string;
  currentStage: ModelVersionStage;
  description: string;
  source: string;
  runId: string | null;
  runLink: string;
  status: ModelVersionStatus;
  statusMessage: string;
  tags: KeyValue[];
  /** The aliases that point at this version. */
  aliases: string[];
}

export interface RegisteredModelAlias {
  alias: string;
  version: string;
}

export interface RegisteredModel {
  name: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  description: string;
  /** The latest version of each stage that has one. */
  latestVersions: ModelVersion[];
  tags: KeyValue[];
  aliases: RegisteredModelAlias[];
}

/** One stage change of a version (the version page's history). */
export interface StageTransition {
  fromStage: string;
  toStage: string;
  timestamp: number;
}
