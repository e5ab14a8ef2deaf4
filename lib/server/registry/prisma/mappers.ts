/** Registry rows → entities: the only place that knows both shapes. */
import type { Prisma } from "@/lib/server/db";
import type { ModelVersionStage, ModelVersionStatus } from "@/lib/tracking/protocol";
import { MODEL_VERSION_STAGES } from "@/lib/tracking/protocol";
import type { KeyValue, ModelVersion, RegisteredModel } from "../entities";

export const versionInclude = {
  tags: true,
  model: { select: { name: true, aliases: true } },
} satisfies Prisma.ModelVersionInclude;
export type VersionRow = Prisma.ModelVersionGetPayload<{ include: typeof versionInclude }>;

/** A model with what its entity needs: tags, aliases, and its active versions for latest_versions. */
export const modelInclude = {
  tags: true,
  aliases: true,
  versions: { where: { lifecycleStage: "active" }, include: { tags: true } },
} satisfies Prisma.RegisteredModelInclude;
export type ModelRow = Prisma.RegisteredModelGetPayload<{ include: typeof modelInclude }>;

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function keyValues(rows: readonly { key: string; value: string }[]): KeyValue[] {
  return rows.map(({ key, value }) => ({ key, value })).sort(byKey);
}

type BareVersionRow = Prisma.ModelVersionGetPayload<{ include: { tags: true } }>;

function toVersion(row: BareVersionRow, modelName: string, aliases: readonly { alias: string; version: number }[]): ModelVersion {
  return {
    name: modelName,
    version: String(row.version),
    creationTimestamp: Number(row.creationTime),
    lastUpdatedTimestamp: Number(row.lastUpdateTime),
    userId: row.userId,
    currentStage: row.currentStage as ModelVersionStage,
    description: row.description,
    source: row.source,
    runId: row.runId,
    runLink: row.runLink,
    status: row.status as ModelVersionStatus,
    statusMessage: row.statusMessage,
    tags: keyValues(row.tags),
    aliases: aliases.filter((a) => a.version === row.version).map((a) => a.alias).sort(),
  };
}

export function toModelVersion(row: VersionRow): ModelVersion {
  return toVersion(row, row.model.name, row.model.aliases);
}

/** The latest (highest) version of each stage, in stage order, as MLflow's latest_versions. */
export function latestPerStage<T extends { version: number; currentStage: string }>(
  versions: readonly T[],
  stages: readonly ModelVersionStage[] = MODEL_VERSION_STAGES,
): T[] {
  const latest: T[] = [];
  for (const stage of stages) {
    const inStage = versions.filter((v) => v.currentStage === stage);
    const top = inStage.reduce<T | undefined>((best, v) => (best === undefined || v.version > best.version ? v : best), undefined);
    if (top) latest.push(top);
  }
  return latest;
}

export function toRegisteredModel(row: ModelRow): RegisteredModel {
  return {
    name: row.name,
    creationTimestamp: Number(row.creationTime),
    lastUpdatedTimestamp: Number(row.lastUpdateTime),
    description: row.description,
    latestVersions: latestPerStage(row.versions).map((v) => toVersion(v, row.name, row.aliases)),
    tags: keyValues(row.tags),
    aliases: [...row.aliases]
      .sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0))
      .map((a) => ({ alias: a.alias, version: String(a.version) })),
  };
}
