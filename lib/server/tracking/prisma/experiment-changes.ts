/** Experiments in the Prisma store: rename, soft delete / restore (with their runs), tags. */
import { TrackingError, validateExperimentName, validateExperimentTag } from "@/lib/tracking/protocol";
import { DEFAULT_EXPERIMENT_ID } from "../constants";
import type { KeyValue } from "../entities";
import type { Db } from "@/lib/server/db";
import { nowMillis } from "@/lib/server/db/helpers";
import { assertExperimentActive, findExperimentRow } from "./experiments";

/** MLflow's rename_experiment: active experiments only, names stay unique in the workspace. */
export async function renameExperiment(db: Db, workspaceId: string, experimentId: string, newName: string | undefined): Promise<void> {
  validateExperimentName(newName);
  const row = await findExperimentRow(db, workspaceId, experimentId);
  if (row.lifecycleStage !== "active") throw TrackingError.invalidParameterValue("Cannot rename a non-active experiment.");
  if (row.name === newName) return;
  const taken = await db.experiment.findUnique({ where: { workspaceId_name: { workspaceId, name: newName } }, select: { id: true } });
  if (taken) throw TrackingError.resourceAlreadyExists(`Experiment(name=${newName}) already exists.`);
  // A concurrent rename to the same name still fails on the unique index (→ RESOURCE_ALREADY_EXISTS).
  await db.experiment.update({ where: { id: row.id }, data: { name: newName, lastUpdateTime: nowMillis() } });
}

/**
 * MLflow's delete_experiment: the experiment and its runs move to the `deleted` stage (restorable).
 * The Default experiment cannot be deleted, as in MLflow.
 */
export async function deleteExperiment(db: Db, workspaceId: string, experimentId: string): Promise<void> {
  const row = await findExperimentRow(db, workspaceId, experimentId);
  if (String(row.number) === DEFAULT_EXPERIMENT_ID) {
    throw TrackingError.invalidParameterValue("Cannot delete the default experiment '0'. This is an internally reserved experiment.");
  }
  assertExperimentActive(row);
  const now = nowMillis();
  await db.$transaction([
    db.experiment.update({ where: { id: row.id }, data: { lifecycleStage: "deleted", lastUpdateTime: now } }),
    db.run.updateMany({
      where: { experimentId: row.id, lifecycleStage: "active" },
      data: { lifecycleStage: "deleted", deletedTime: now },
    }),
  ]);
}

/** MLflow's restore_experiment: a deleted experiment and its deleted runs become active again. */
export async function restoreExperiment(db: Db, workspaceId: string, experimentId: string): Promise<void> {
  const row = await findExperimentRow(db, workspaceId, experimentId);
  if (row.lifecycleStage !== "deleted") {
    throw TrackingError.invalidParameterValue(
      `Cannot restore an active experiment. The experiment ${row.number} must be in the 'deleted' state. Current state is ${row.lifecycleStage}.`,
    );
  }
  await db.$transaction([
    db.experiment.update({ where: { id: row.id }, data: { lifecycleStage: "active", lastUpdateTime: nowMillis() } }),
    db.run.updateMany({ where: { experimentId: row.id, lifecycleStage: "deleted" }, data: { lifecycleStage: "active", deletedTime: null } }),
  ]);
}

export async function setExperimentTag(db: Db, workspaceId: string, experimentId: string, tag: KeyValue): Promise<void> {
  validateExperimentTag(tag.key, tag.value);
  const row = await findExperimentRow(db, workspaceId, experimentId);
  assertExperimentActive(row);
  await db.experimentTag.upsert({
    where: { experimentId_key: { experimentId: row.id, key: tag.key } },
    create: { experimentId: row.id, key: tag.key, value: tag.value },
    update: { value: tag.value },
  });
}

export async function deleteExperimentTag(db: Db, workspaceId: string, experimentId: string, key: string): Promise<void> {
  const row = await findExperimentRow(db, workspaceId, experimentId);
  assertExperimentActive(row);
  const { count } = await db.experimentTag.deleteMany({ where: { experimentId: row.id, key } });
  if (count === 0) {
    throw TrackingError.resourceDoesNotExist(`No tag with name: ${key} in experiment with id ${experimentId}`);
  }
}
