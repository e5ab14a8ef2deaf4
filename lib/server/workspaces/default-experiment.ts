/** The Default experiment every workspace is created with, with MLflow's id ("0") and name. */
import type { Prisma } from "@/lib/server/db";
import { DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME, experimentArtifactLocation } from "@/lib/server/tracking";
import { nowMillis } from "@/lib/server/db/helpers";

const DEFAULT_NUMBER = Number(DEFAULT_EXPERIMENT_ID);

export function defaultExperimentData(): Prisma.ExperimentCreateWithoutWorkspaceInput {
  const now = nowMillis();
  return {
    number: DEFAULT_NUMBER,
    name: DEFAULT_EXPERIMENT_NAME,
    artifactLocation: experimentArtifactLocation(DEFAULT_NUMBER),
    lifecycleStage: "active",
    creationTime: now,
    lastUpdateTime: now,
  };
}

export { DEFAULT_NUMBER as DEFAULT_EXPERIMENT_NUMBER };
