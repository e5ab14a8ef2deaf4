/** Registered models in the Prisma store: create, get, rename, update, delete, tags, aliases. */
import {
  TrackingError,
  validateModelAliasName,
  validateModelName,
  validateModelVersionNumber,
  validateRegistryTag,
} from "@/lib/tracking/protocol";
import type { Db } from "@/lib/server/db";
import { dedupeByKey, fitsIntColumn, isUniqueViolation, nowMillis, type DbClient } from "@/lib/server/db/helpers";
import type { KeyValue, RegisteredModel } from "../entities";
import type { CreateRegisteredModelInput } from "../store";
import { modelInclude, toRegisteredModel } from "./mappers";

export function modelNotFound(name: string): TrackingError {
  return TrackingError.resourceDoesNotExist(`Registered Model with name=${name} not found`);
}

function modelAlreadyExists(name: string): TrackingError {
  return TrackingError.resourceAlreadyExists(`Registered Model (name=${name}) already exists.`);
}

/** The model row of this workspace, or RESOURCE_DOES_NOT_EXIST. */
export async function findModelRow(db: DbClient, workspaceId: string, name: string): Promise<{ id: number; name: string }> {
  validateModelName(name);
  const row = await db.registeredModel.findUnique({
    where: { workspaceId_name: { workspaceId, name } },
    select: { id: true, name: true },
  });
  if (!row) throw modelNotFound(name);
  return row;
}

async function readModel(db: DbClient, id: number): Promise<RegisteredModel> {
  return toRegisteredModel(await db.registeredModel.findUniqueOrThrow({ where: { id }, include: modelInclude }));
}

export async function createRegisteredModel(db: Db, workspaceId: string, input: CreateRegisteredModelInput): Promise<RegisteredModel> {
  validateModelName(input.name);
  const tags = dedupeByKey(input.tags ?? []);
  for (const tag of tags) validateRegistryTag(tag.key, tag.value);
  const now = nowMillis();
  try {
    const row = await db.registeredModel.create({
      data: {
        workspaceId,
        name: input.name,
        description: input.description ?? "",
        creationTime: now,
        lastUpdateTime: now,
        tags: { create: tags },
      },
      include: modelInclude,
    });
    return toRegisteredModel(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw modelAlreadyExists(input.name);
    throw error;
  }
}

export async function getRegisteredModel(db: DbClient, workspaceId: string, name: string): Promise<RegisteredModel> {
  return readModel(db, (await findModelRow(db, workspaceId, name)).id);
}

export async function renameRegisteredModel(db: Db, workspaceId: string, name: string, newName: string | undefined): Promise<RegisteredModel> {
  validateModelName(newName);
  const row = await findModelRow(db, workspaceId, name);
  if (newName === name) return readModel(db, row.id);
  try {
    await db.registeredModel.update({ where: { id: row.id }, data: { name: newName, lastUpdateTime: nowMillis() } });
  } catch (error) {
    if (isUniqueViolation(error)) throw modelAlreadyExists(newName);
    throw error;
  }
  return readModel(db, row.id);
}

export async function updateRegisteredModel(db: Db, workspaceId: string, name: string, description: string | undefined): Promise<RegisteredModel> {
  const row = await findModelRow(db, workspaceId, name);
  await db.registeredModel.update({ where: { id: row.id }, data: { description: description ?? "", lastUpdateTime: nowMillis() } });
  return readModel(db, row.id);
}

export async function deleteRegisteredModel(db: Db, workspaceId: string, name: string): Promise<void> {
  const row = await findModelRow(db, workspaceId, name);
  await db.registeredModel.delete({ where: { id: row.id } });
}

export async function setRegisteredModelTag(db: Db, workspaceId: string, name: string, tag: KeyValue): Promise<void> {
  validateRegistryTag(tag.key, tag.value);
  const row = await findModelRow(db, workspaceId, name);
  await db.registeredModelTag.upsert({
    where: { modelId_key: { modelId: row.id, key: tag.key } },
    create: { modelId: row.id, key: tag.key, value: tag.value },
    update: { value: tag.value },
  });
}

export async function deleteRegisteredModelTag(db: Db, workspaceId: string, name: string, key: string): Promise<void> {
  const row = await findModelRow(db, workspaceId, name);
  const { count } = await db.registeredModelTag.deleteMany({ where: { modelId: row.id, key } });
  if (count === 0) throw TrackingError.resourceDoesNotExist(`No tag with name: ${key} in registered model with name ${name}`);
}

export async function setRegisteredModelAlias(db: Db, workspaceId: string, name: string, alias: string, version: string): Promise<void> {
  validateModelAliasName(alias);
  const number = validateModelVersionNumber(version);
  const row = await findModelRow(db, workspaceId, name);
  if (!fitsIntColumn(number)) throw TrackingError.resourceDoesNotExist(`Model Version (name=${name}, version=${version}) not found`);
  const target = await db.modelVersion.findFirst({
    where: { modelId: row.id, version: number, lifecycleStage: "active" },
    select: { id: true },
  });
  if (!target) throw TrackingError.resourceDoesNotExist(`Model Version (name=${name}, version=${version}) not found`);
  await db.registeredModelAlias.upsert({
    where: { modelId_alias: { modelId: row.id, alias } },
    create: { modelId: row.id, alias, version: number },
    update: { version: number },
  });
}

/** Deleting an alias that is not set is a no-op, as in MLflow. */
export async function deleteRegisteredModelAlias(db: Db, workspaceId: string, name: string, alias: string): Promise<void> {
  validateModelAliasName(alias);
  const row = await findModelRow(db, workspaceId, name);
  await db.registeredModelAlias.deleteMany({ where: { modelId: row.id, alias } });
}
