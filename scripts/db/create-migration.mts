// The work behind `npm run db:migration`: one migration folder per provider from the change
// between the schema snapshot (the schema at the last migration) and prisma/schema.prisma.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeDerivedSchema } from "../prisma-generate.mjs";
import {
  PROVIDERS,
  providerMigrationsDir,
  readSchema,
  readSnapshot,
  repoRoot,
  SNAPSHOT_PATH,
  snapshotText,
} from "./layout.mjs";
import { forProvider, isEmptyMigration, openSchemaEngine, type Provider, type SchemaSource } from "./schema-engine.mjs";

export interface CreateMigrationOptions {
  /** Free text; normalised like `prisma migrate dev --name` (lowercase words joined by "_"). */
  name: string;
  /** Write (empty) migrations even if the schema did not change, to hold hand-written SQL. Default false. */
  allowEmpty?: boolean;
  /** Repository root. Default: this checkout. */
  root?: string;
  /** Clock for the folder's timestamp. Default: now. */
  now?: Date;
}

export type CreateMigrationResult =
  | { created: false; reason: string }
  | { created: true; folder: string; files: string[] };

export function normaliseName(raw: string): string {
  const name = raw.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (name === "") throw new Error(`invalid migration name "${raw}": use letters, digits, _ or -`);
  return name;
}

/** UTC, YYYYMMDDHHMMSS: Prisma's folder prefix, so that folders sort in creation order. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

function existingMigrations(provider: Provider, root: string): string[] {
  const dir = providerMigrationsDir(provider, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Migration SQL for one provider, from `from` (null: empty database) to `to`. */
async function diffFor(provider: Provider, from: SchemaSource | null, to: SchemaSource): Promise<string> {
  const target = forProvider(provider, to);
  const engine = await openSchemaEngine(provider, target);
  try {
    return await engine.diffSchemas(from ? forProvider(provider, from) : null, target);
  } finally {
    engine.close();
  }
}

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const root = options.root ?? repoRoot;
  const name = normaliseName(options.name);
  const schema = readSchema(root);
  const snapshot = readSnapshot(root);

  // The snapshot must describe the latest migration of both providers, or the diff would start
  // from the wrong place (typically: a merge brought in someone else's migration).
  for (const provider of PROVIDERS) {
    const latest = existingMigrations(provider, root).at(-1) ?? null;
    if (latest !== (snapshot?.migration ?? null)) {
      throw new Error(
        `${SNAPSHOT_PATH} was taken at ${snapshot?.migration ?? "(no snapshot)"} but the latest ${provider} migration is ` +
          `${latest ?? "(none)"}. Reconcile them first (after a merge: keep both migrations, make yours sort last, ` +
          `and restore the snapshot of the latest one).`,
      );
    }
  }

  const from = snapshot?.source ?? null;
  const sql: Record<Provider, string> = {
    sqlite: await diffFor("sqlite", from, schema),
    postgresql: await diffFor("postgresql", from, schema),
  };
  if (!options.allowEmpty && PROVIDERS.every((provider) => isEmptyMigration(sql[provider]))) {
    return { created: false, reason: `no schema change since ${snapshot?.migration ?? "the start"}` };
  }

  const folder = `${timestamp(options.now ?? new Date())}_${name}`;
  if (snapshot && folder.slice(0, 14) <= snapshot.migration.slice(0, 14)) {
    throw new Error(`the new migration ${folder} would not sort after ${snapshot.migration}; wait a second, or check the clock`);
  }

  const files: string[] = [];
  for (const provider of PROVIDERS) {
    const dir = providerMigrationsDir(provider, root);
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, "migration.sql"), sql[provider]);
    files.push(path.join(dir, folder, "migration.sql"));
    // Prisma's marker file: keeps the folders valid for `prisma migrate deploy`, should a
    // machine with the native engine ever want it. Our migrator ignores it.
    const lock = path.join(dir, "migration_lock.toml");
    if (!existsSync(lock)) {
      writeFileSync(lock, `# Written by npm run db:migration; Prisma's provider marker.\nprovider = "${provider}"\n`);
      files.push(lock);
    }
  }
  writeFileSync(path.join(root, SNAPSHOT_PATH), snapshotText(folder, schema));
  files.push(path.join(root, SNAPSHOT_PATH));
  // The derived PostgreSQL schema belongs in the same commit as the migration.
  if (writeDerivedSchema(root)) files.push(path.join(root, "prisma/postgresql/schema.prisma"));
  return { created: true, folder, files };
}
