// Committed migration files, their checksums, and what is left to apply. No database here.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The bookkeeping table: one row per applied migration (name, checksum, applied_at). */
export const MIGRATIONS_TABLE = "_cuvee_migrations";

/** A migration folder: `<dir>/<timestamp>_<name>/migration.sql`, Prisma's layout. */
export interface Migration {
  /** The folder name; migrations apply in its (timestamp) order. */
  name: string;
  sql: string;
  checksum: string;
}

/** A row of the bookkeeping table. */
export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** Any refusal to migrate; the message says what to do. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * SHA-256 of the SQL with line endings normalised, so that a Windows checkout
 * (core.autocrlf) does not look like an edited migration.
 */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

/** Reads every migration folder of `dir`, in apply order. Plain files (migration_lock.toml) are skipped. */
export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) {
    throw new MigrationError(`migrations folder not found: ${dir} (is the app running from the project root?)`);
  }
  return readdirSync(dir)
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`migration folder without migration.sql: ${path.join(dir, name)}`);
      const sql = readFileSync(file, "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/**
 * The migrations still to apply, after checking that the database's history agrees with the
 * files: an applied migration must still exist, unchanged. Editing an applied migration would
 * leave databases that ran the old text silently different from new ones.
 */
export function pendingMigrations(applied: readonly AppliedMigration[], available: readonly Migration[]): Migration[] {
  const byName = new Map(available.map((m) => [m.name, m]));
  for (const row of applied) {
    const file = byName.get(row.name);
    if (!file) {
      throw new MigrationError(
        `the database has migration ${row.name} applied, but it is not among the committed migrations. ` +
          `This code is older than the database, or the migration was renamed or deleted. ` +
          `(A throwaway local database can simply be deleted.)`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.name} was changed after it was applied to this database ` +
          `(checksum recorded ${row.checksum.slice(0, 12)}…, file now ${file.checksum.slice(0, 12)}…). ` +
          `Never edit an applied migration: restore the file and add a new one with \`npm run db:migration -- <name>\`. ` +
          `(A throwaway local database can simply be deleted.)`,
      );
    }
  }
  const done = new Set(applied.map((row) => row.name));
  return available.filter((m) => !done.has(m.name));
}
