// The migrator's PostgreSQL side (pg, one dedicated connection). Server-only.
import pg from "pg";
import type { MigrationTarget, MigrationTransaction } from "./migration-target";
import { type AppliedMigration, MIGRATIONS_TABLE, MigrationError } from "./migrations";

/**
 * Key of the transaction-level advisory lock that serialises migrators ("cuvee" in ASCII).
 * Held from BEGIN to COMMIT/ROLLBACK, so a crashed process cannot leave it taken.
 */
const ADVISORY_LOCK_KEY = "427172455781";

export async function openPostgresTarget(url: string): Promise<MigrationTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  const tx: MigrationTransaction = {
    async applied() {
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      const result = await client.query<AppliedMigration>(
        `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`,
      );
      return result.rows;
    },
    async apply(migration) {
      try {
        // No parameters: pg sends a simple query, which may hold several statements.
        await client.query(migration.sql);
      } catch (error) {
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [
        migration.name,
        migration.checksum,
      ]);
    },
  };

  return {
    async exclusive(work) {
      await client.query("BEGIN");
      try {
        await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [ADVISORY_LOCK_KEY]);
        const result = await work(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {}); // the original error matters more
        throw error;
      }
    },
    close: () => client.end(),
  };
}
