// Where the schema, its snapshot and the migrations live, shared by db-migration and the drift test.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrationsDir } from "../../lib/server/db/config";
import type { Provider, SchemaSource } from "./schema-engine.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

/** The single source of truth (SQLite provider; the PostgreSQL schema is derived from it). */
export const SCHEMA_PATH = "prisma/schema.prisma";

/**
 * The schema as of the latest migration: the "from" side of the next migration's diff.
 * Prisma would replay the migrations into a shadow database to learn this; we have no
 * PostgreSQL to replay them into, so we keep the schema text instead.
 */
export const SNAPSHOT_PATH = "prisma/migrations/schema.snapshot.prisma";

const SNAPSHOT_HEADER = /^\/\/ Snapshot of prisma\/schema\.prisma as of migration (\S+)\./;

export function readSchema(root = repoRoot): SchemaSource {
  return { path: SCHEMA_PATH, content: readFileSync(path.join(root, SCHEMA_PATH), "utf8") };
}

export interface Snapshot {
  /** The migration (folder name) the snapshot was taken with. */
  migration: string;
  source: SchemaSource;
}

/** The snapshot, or null before the first migration. */
export function readSnapshot(root = repoRoot): Snapshot | null {
  const file = path.join(root, SNAPSHOT_PATH);
  if (!existsSync(file)) return null;
  const content = readFileSync(file, "utf8");
  const migration = SNAPSHOT_HEADER.exec(content)?.[1];
  if (!migration) throw new Error(`${SNAPSHOT_PATH}: missing its header line; it is written by npm run db:migration`);
  return { migration, source: { path: SNAPSHOT_PATH, content } };
}

export function snapshotText(migration: string, schema: SchemaSource): string {
  return [
    `// Snapshot of prisma/schema.prisma as of migration ${migration}.`,
    "// Written by `npm run db:migration`, the starting point of the next migration's diff. Do not edit.",
    "",
    schema.content,
  ].join("\n");
}

export function providerMigrationsDir(provider: Provider, root = repoRoot): string {
  return migrationsDir(provider, root);
}
