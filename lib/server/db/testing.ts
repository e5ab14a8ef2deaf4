// Throwaway databases for tests (store tests included): a fresh SQLite file, or a fresh
// PostgreSQL database when CUVEE_TEST_POSTGRES_URL is set (scripts/with-postgres.sh sets it).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TempDatabase {
  /** A DATABASE_URL for it. */
  url: string;
  drop(): Promise<void>;
}

/** A SQLite URL in a new temporary directory; the file itself is not created. */
/** A fresh database of the provider a bench names (`BENCH_DATABASE`: sqlite or postgresql). */
export function tempDatabaseFor(provider: string): Promise<TempDatabase> {
  if (provider === "sqlite") return Promise.resolve(tempSqliteDatabase());
  if (provider === "postgresql") return tempPostgresDatabase();
  throw new Error(`BENCH_DATABASE must be sqlite or postgresql, got ${provider}`);
}

export function tempSqliteDatabase(): TempDatabase & { file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-db-"));
  const file = path.join(dir, "cuvee.db");
  return {
    url: `file:${file}`,
    file,
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** The PostgreSQL server tests may use, if any. */
export const testPostgresUrl: string | undefined = process.env.CUVEE_TEST_POSTGRES_URL || undefined;

/** A new, empty database on the CUVEE_TEST_POSTGRES_URL server. */
export async function tempPostgresDatabase(adminUrl = testPostgresUrl): Promise<TempDatabase> {
  if (!adminUrl) throw new Error("CUVEE_TEST_POSTGRES_URL is not set");
  const { default: pg } = await import("pg");
  const name = `cuvee_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
