// The migrator's SQLite side (better-sqlite3, its own connection). Server-only.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationTarget, MigrationTransaction } from "./migration-target";
import { type AppliedMigration, MIGRATIONS_TABLE, MigrationError } from "./migrations";

/** How long a second process waits for the first one's migration before giving up. */
const LOCK_TIMEOUT_MS = 60_000;

/**
 * SQLite answers SQLITE_BUSY without calling the busy handler in a few cases that two processes
 * opening a new file at once can hit (switching it to WAL while the other does, a WAL recovery
 * in progress). Those are retried here, a little later, until the same lock timeout.
 */
function retryWhileBusy<T>(step: () => T): T {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (let wait = 10; ; wait = Math.min(wait * 2, 500)) {
    try {
      return step();
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (!code.startsWith("SQLITE_BUSY") || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

export function openSqliteTarget(file: string): MigrationTarget {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: LOCK_TIMEOUT_MS });
  // WAL is a property of the file, so setting it here covers the app's connections too:
  // readers no longer block the writer, nor the writer readers.
  retryWhileBusy(() => db.pragma("journal_mode = WAL"));
  // SQLite's documented way to change a schema: foreign keys off *outside* the transaction
  // (the pragma is a no-op inside one, including the `PRAGMA foreign_keys=OFF` lines that
  // Prisma writes into table-rebuilding migrations), then `foreign_key_check` before commit.
  // With them on, the `DROP TABLE` of a rebuild would cascade-delete the child rows.
  db.pragma("foreign_keys = OFF");

  const tx: MigrationTransaction = {
    applied() {
      db.exec(
        `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`,
      );
      const rows = db.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`).all();
      return Promise.resolve(rows as AppliedMigration[]);
    },
    apply(migration) {
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      const violations = db.pragma("foreign_key_check") as unknown[];
      if (violations.length > 0) {
        throw new MigrationError(
          `migration ${migration.name} leaves ${violations.length} foreign key violation(s), e.g. ${JSON.stringify(violations[0])}`,
        );
      }
      db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`).run(
        migration.name,
        migration.checksum,
        new Date().toISOString(),
      );
      return Promise.resolve();
    },
  };

  return {
    async exclusive(work) {
      // IMMEDIATE takes the write lock now, so a second process waits here (busy timeout)
      // instead of reading a history that is about to change.
      retryWhileBusy(() => db.exec("BEGIN IMMEDIATE"));
      try {
        const result = await work(tx);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}
