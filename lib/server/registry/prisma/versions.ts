/** Model versions in the Prisma store: create, read, update, delete, stages, tags, aliases. */
import {
  ACTIVE_STAGES,
  TrackingError,
  canonicalStage,
  validateModelAliasName,
  validateModelVersionNumber,
  validateRegistryTag,
  type ModelVersionStage,
} from "@/lib/tracking/protocol";
import type { Db } from "@/lib/server/db";
import { dedupeByKey, fitsIntColumn, isUniqueViolation, nowMillis, TRANSACTION_OPTIONS, type DbClient } from "@/lib/server/db/helpers";
import { findRunArtifactUri } from "@/lib/server/tracking";
import type { KeyValue, ModelVersion, StageTransition } from "../entities";
import { parseRunsUri } from "../model-uri";
import type { CreateModelVersionInput } from "../store";
import { latestPerStage, toModelVersion, versionInclude } from "./mappers";
import { findModelRow } from "./models";

export function versionNotFound(name: string, version: string): TrackingError {
  return TrackingError.resourceDoesNotExist(`Model Version (name=${name}, version=${version}) not found`);
}

/** An active version of a model of this workspace. */
export async function findVersionRow(db: DbClient, workspaceId: string, name: string, version: string) {
  const number = validateModelVersionNumber(version);
  const model = await findModelRow(db, workspaceId, name);
  if (!fitsIntColumn(number)) throw versionNotFound(name, version);
  const row = await db.modelVersion.findFirst({
    where: { modelId: model.id, version: number, lifecycleStage: "active" },
    include: versionInclude,
  });
  if (!row) throw versionNotFound(name, version);
  return row;
}

const ALLOWED_SOURCE = /^(runs:\/|mlflow-artifacts:|models:\/)/;
const MAX_CREATE_ATTEMPTS = 5;

export async function createModelVersion(db: Db, workspaceId: string, input: CreateModelVersionInput): Promise<ModelVersion> {
  const tags = dedupeByKey(input.tags ?? []);
  for (const tag of tags) validateRegistryTag(tag.key, tag.value);
  if (!ALLOWED_SOURCE.test(input.source)) {
    // This server stores artifacts itself: a file:// or s3:// source could never be downloaded back.
    throw TrackingError.invalidParameterValue(
      `Invalid model version source: '${input.source}'. Use a runs:/, models:/ or mlflow-artifacts:/ URI.`,
    );
  }
  const runOfSource = input.source.startsWith("runs:/") ? parseRunsUri(input.source).runId : undefined;
  const runId = input.runId || runOfSource;
  // Both runs must be this workspace's: another workspace's run is "not found".
  for (const id of new Set([runId, runOfSource])) if (id) await findRunArtifactUri(db, workspaceId, id);

  for (let attempt = 1; ; attempt += 1) {
    try {
      const id = await db.$transaction(async (tx) => {
        const model = await findModelRow(tx, workspaceId, input.name);
        const now = nowMillis();
        // Touching the model row first makes concurrent creations take turns (PostgreSQL row lock).
        await tx.registeredModel.update({ where: { id: model.id }, data: { lastUpdateTime: now } });
        const { _max } = await tx.modelVersion.aggregate({ where: { modelId: model.id }, _max: { version: true } });
        const created = await tx.modelVersion.create({
          data: {
            modelId: model.id,
            version: (_max.version ?? 0) + 1,
            description: input.description ?? "",
            source: input.source,
            runId: runId ?? null,
            runLink: input.runLink ?? "",
            status: "READY",
            currentStage: "None",
            lifecycleStage: "active",
            creationTime: now,
            lastUpdateTime: now,
            tags: { create: tags },
          },
          select: { id: true },
        });
        return created.id;
      }, TRANSACTION_OPTIONS);
      return toModelVersion(await db.modelVersion.findUniqueOrThrow({ where: { id }, include: versionInclude }));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
  }
}

export async function getModelVersion(db: DbClient, workspaceId: string, name: string, version: string): Promise<ModelVersion> {
  return toModelVersion(await findVersionRow(db, workspaceId, name, version));
}

export async function updateModelVersion(
  db: Db,
  workspaceId: string,
  name: string,
  version: string,
  description: string | undefined,
): Promise<ModelVersion> {
  const row = await findVersionRow(db, workspaceId, name, version);
  const updated = await db.modelVersion.update({
    where: { id: row.id },
    data: { description: description ?? "", lastUpdateTime: nowMillis() },
    include: versionInclude,
  });
  return toModelVersion(updated);
}

/** Soft delete; the aliases that pointed at it go away, as in MLflow. */
export async function deleteModelVersion(db: Db, workspaceId: string, name: string, version: string): Promise<void> {
  const row = await findVersionRow(db, workspaceId, name, version);
  const now = nowMillis();
  await db.$transaction([
    db.modelVersion.update({ where: { id: row.id }, data: { lifecycleStage: "deleted", lastUpdateTime: now } }),
    db.registeredModelAlias.deleteMany({ where: { modelId: row.modelId, version: row.version } }),
    db.registeredModel.update({ where: { id: row.modelId }, data: { lastUpdateTime: now } }),
  ]);
}

export async function transitionModelVersionStage(
  db: Db,
  workspaceId: string,
  name: string,
  version: string,
  stage: string,
  archiveExisting: boolean,
): Promise<ModelVersion> {
  const target = canonicalStage(stage);
  if (archiveExisting && !ACTIVE_STAGES.includes(target)) {
    throw TrackingError.invalidParameterValue(
      `Model version transition cannot archive existing model versions because '${target}' is not an Active stage. ` +
        `Valid stages are ${ACTIVE_STAGES.join(", ")}`,
    );
  }
  const row = await findVersionRow(db, workspaceId, name, version);
  const now = nowMillis();
  await db.$transaction(async (tx) => {
    const moves: { id: number; from: string; to: ModelVersionStage }[] = [{ id: row.id, from: row.currentStage, to: target }];
    if (archiveExisting) {
      const others = await tx.modelVersion.findMany({
        where: { modelId: row.modelId, lifecycleStage: "active", currentStage: target, id: { not: row.id } },
        select: { id: true, currentStage: true },
      });
      for (const other of others) moves.push({ id: other.id, from: other.currentStage, to: "Archived" });
    }
    for (const move of moves) {
      await tx.modelVersion.update({ where: { id: move.id }, data: { currentStage: move.to, lastUpdateTime: now } });
      await tx.stageTransition.create({ data: { versionId: move.id, fromStage: move.from, toStage: move.to, timestamp: now } });
    }
    await tx.registeredModel.update({ where: { id: row.modelId }, data: { lastUpdateTime: now } });
  }, TRANSACTION_OPTIONS);
  return toModelVersion(await db.modelVersion.findUniqueOrThrow({ where: { id: row.id }, include: versionInclude }));
}

export async function setModelVersionTag(db: Db, workspaceId: string, name: string, version: string, tag: KeyValue): Promise<void> {
  validateRegistryTag(tag.key, tag.value);
  const row = await findVersionRow(db, workspaceId, name, version);
  await db.modelVersionTag.upsert({
    where: { versionId_key: { versionId: row.id, key: tag.key } },
    create: { versionId: row.id, key: tag.key, value: tag.value },
    update: { value: tag.value },
  });
}

export async function deleteModelVersionTag(db: Db, workspaceId: string, name: string, version: string, key: string): Promise<void> {
  const row = await findVersionRow(db, workspaceId, name, version);
  const { count } = await db.modelVersionTag.deleteMany({ where: { versionId: row.id, key } });
  if (count === 0) {
    throw TrackingError.resourceDoesNotExist(`No tag with name: ${key} in model version with name ${name} and version ${version}`);
  }
}

export async function getLatestVersions(db: DbClient, workspaceId: string, name: string, stages?: readonly string[]): Promise<ModelVersion[]> {
  const wanted = stages && stages.length > 0 ? [...new Set(stages.map(canonicalStage))] : undefined;
  const model = await findModelRow(db, workspaceId, name);
  const rows = await db.modelVersion.findMany({ where: { modelId: model.id, lifecycleStage: "active" }, include: versionInclude });
  return latestPerStage(rows, wanted).map(toModelVersion);
}

export async function getModelVersionByAlias(db: DbClient, workspaceId: string, name: string, alias: string): Promise<ModelVersion> {
  validateModelAliasName(alias);
  const model = await findModelRow(db, workspaceId, name);
  const row = await db.registeredModelAlias.findUnique({ where: { modelId_alias: { modelId: model.id, alias } } });
  if (!row) throw TrackingError.resourceDoesNotExist(`Registered model alias ${alias} not found.`);
  return getModelVersion(db, workspaceId, name, String(row.version));
}

export async function getStageTransitions(db: DbClient, workspaceId: string, name: string, version: string): Promise<StageTransition[]> {
  const row = await findVersionRow(db, workspaceId, name, version);
  const transitions = await db.stageTransition.findMany({ where: { versionId: row.id }, orderBy: [{ timestamp: "asc" }, { id: "asc" }] });
  return transitions.map((t) => ({ fromStage: t.fromStage, toStage: t.toStage, timestamp: Number(t.timestamp) }));
}
