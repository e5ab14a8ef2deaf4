/**
 * "The store is byte-identical" made checkable. Two views:
 * - `workspaceSnapshot`: every row of every table that belongs to the given workspaces (the
 *   workspace row, experiments and their tags, runs with params, metrics, latest metrics, tags
 *   and inputs, registered models with tags, aliases, versions, version tags and stage
 *   transitions, bloc progress), every column, in a fixed order, through Prisma (SQLite and
 *   PostgreSQL alike), plus the workspaces' artifact folders (path, size, SHA-256 of each file).
 *   Tests that share the server with other test files use this one.
 * - `sqliteDatabaseDump`: every row of every table of a SQLite file (the bench's own server).
 * Both serialise to JSON text; compare the texts, or their hashes.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db";

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof Date ? v.toISOString() : v));
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Every file and folder under `root`: relative path, and for files their size and SHA-256. */
export function artifactTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const info = statSync(full);
      if (info.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else out.push(`${rel} ${info.size} ${sha256(readFileSync(full))}`);
    }
  };
  walk(root);
  return out;
}

export interface Snapshot {
  /** Table (or "artifacts") → its serialised rows. */
  parts: Record<string, string>;
}

export async function workspaceSnapshot(db: Db, workspaceIds: readonly string[], artifactsRoot: string): Promise<Snapshot> {
  const where = { workspaceId: { in: [...workspaceIds] } };
  const runWhere = { experiment: where };
  const modelWhere = { model: where };
  const versionWhere = { version: modelWhere };
  const parts: Record<string, string> = {
    Workspace: stable(await db.workspace.findMany({ where: { id: { in: [...workspaceIds] } }, orderBy: { id: "asc" } })),
    Experiment: stable(await db.experiment.findMany({ where, orderBy: { id: "asc" } })),
    ExperimentTag: stable(await db.experimentTag.findMany({ where: { experiment: where }, orderBy: [{ experimentId: "asc" }, { key: "asc" }] })),
    Run: stable(await db.run.findMany({ where: runWhere, orderBy: { id: "asc" } })),
    Param: stable(await db.param.findMany({ where: { run: runWhere }, orderBy: [{ runId: "asc" }, { key: "asc" }] })),
    Metric: stable(await db.metric.findMany({ where: { run: runWhere }, orderBy: { id: "asc" } })),
    LatestMetric: stable(await db.latestMetric.findMany({ where: { run: runWhere }, orderBy: [{ runId: "asc" }, { key: "asc" }] })),
    RunTag: stable(await db.runTag.findMany({ where: { run: runWhere }, orderBy: [{ runId: "asc" }, { key: "asc" }] })),
    RunInput: stable(await db.runInput.findMany({ where: { run: runWhere }, orderBy: { id: "asc" } })),
    RegisteredModel: stable(await db.registeredModel.findMany({ where, orderBy: { id: "asc" } })),
    RegisteredModelTag: stable(await db.registeredModelTag.findMany({ where: modelWhere, orderBy: [{ modelId: "asc" }, { key: "asc" }] })),
    RegisteredModelAlias: stable(await db.registeredModelAlias.findMany({ where: modelWhere, orderBy: [{ modelId: "asc" }, { alias: "asc" }] })),
    ModelVersion: stable(await db.modelVersion.findMany({ where: modelWhere, orderBy: { id: "asc" } })),
    ModelVersionTag: stable(await db.modelVersionTag.findMany({ where: versionWhere, orderBy: [{ versionId: "asc" }, { key: "asc" }] })),
    StageTransition: stable(await db.stageTransition.findMany({ where: versionWhere, orderBy: { id: "asc" } })),
    BlocProgress: stable(await db.blocProgress.findMany({ where, orderBy: [{ workspaceId: "asc" }, { bloc: "asc" }] })),
  };
  for (const id of workspaceIds) parts[`artifacts/${id}`] = stable(artifactTree(path.join(artifactsRoot, id)));
  return { parts };
}

/** Every row of every table of a SQLite database, read-only (WAL content included). */
export async function sqliteDatabaseDump(file: string): Promise<Snapshot> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    const parts: Record<string, string> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY rowid`).raw().all();
      parts[name] = stable(rows);
    }
    return { parts };
  } finally {
    db.close();
  }
}

/** The parts that differ (empty: identical). */
export function snapshotDifferences(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before.parts), ...Object.keys(after.parts)]);
  return [...names].sort().filter((name) => before.parts[name] !== after.parts[name]);
}

export function snapshotHash(snapshot: Snapshot): string {
  return sha256(Object.entries(snapshot.parts).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}\n${v}`).join("\n"));
}
