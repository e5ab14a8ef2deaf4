import { execFile } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DbConfig, type DbProvider, migrationsDir } from "./config";
import { MIGRATIONS_TABLE, migrate, runMigrations } from "./migrate";
import { openPostgresTarget } from "./migrate-postgres";
import { MigrationError, readMigrations } from "./migrations";
import { type TempDatabase, tempPostgresDatabase, tempSqliteDatabase, testPostgresUrl } from "./testing";

const committed = (provider: DbProvider) => readMigrations(migrationsDir(provider)).map((m) => m.name);

/** Table names of the database, through a connection of its own. */
async function tables(config: DbConfig): Promise<string[]> {
  if (config.provider === "sqlite") {
    const db = new Database(config.file, { readonly: true });
    try {
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      return rows.map((r) => r.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return result.rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** Per-test fixtures: a fresh database and a private copy of the committed migrations. */
function useFreshDatabase(provider: DbProvider) {
  const state = { config: undefined as unknown as DbConfig, db: undefined as unknown as TempDatabase, dir: "" };
  beforeEach(async () => {
    state.dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-migrations-"));
    cpSync(migrationsDir(provider), state.dir, { recursive: true });
    if (provider === "sqlite") {
      const db = tempSqliteDatabase();
      state.db = db;
      state.config = { provider, file: db.file };
    } else {
      const db = await tempPostgresDatabase();
      state.db = db;
      state.config = { provider, url: db.url };
    }
  });
  afterEach(async () => {
    await state.db.drop();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

for (const provider of ["sqlite", "postgresql"] as const) {
  describe.skipIf(provider === "postgresql" && !testPostgresUrl)(`migrate (${provider})`, () => {
    const t = useFreshDatabase(provider);

    it("applies every committed migration to a fresh database, then has nothing to do", async () => {
      expect(await migrate(t.config)).toEqual(committed(provider));
      expect(await tables(t.config)).toEqual(expect.arrayContaining([MIGRATIONS_TABLE, "Workspace", "Run", "Metric"]));
      expect(await migrate(t.config)).toEqual([]);
    });

    it("applies only the new migrations later", async () => {
      await migrate(t.config, { dir: t.dir });
      addMigration(t.dir, "29991231235959_extra", 'CREATE TABLE "Extra" ("id" INTEGER PRIMARY KEY);\n');
      expect(await migrate(t.config, { dir: t.dir })).toEqual(["29991231235959_extra"]);
      expect(await tables(t.config)).toContain("Extra");
    });

    it("refuses to run when an applied migration was edited", async () => {
      await migrate(t.config, { dir: t.dir });
      const [first] = committed(provider);
      appendFileSync(path.join(t.dir, first!, "migration.sql"), "\n-- a harmless-looking edit\n");
      const attempt = migrate(t.config, { dir: t.dir });
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      await expect(attempt).rejects.toThrow(`migration ${first} was changed after it was applied to this database`);
    });

    it("rolls a failing migration back entirely, and does not record it", async () => {
      await migrate(t.config, { dir: t.dir });
      addMigration(t.dir, "29991231235959_broken", 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n');
      await expect(migrate(t.config, { dir: t.dir })).rejects.toThrow(/migration 29991231235959_broken failed/);
      expect(await tables(t.config)).not.toContain("Half");
      rmSync(path.join(t.dir, "29991231235959_broken"), { recursive: true });
      expect(await migrate(t.config, { dir: t.dir })).toEqual([]);
    });

    it("applies each migration once when two migrators start together", async () => {
      const results = await Promise.all([migrate(t.config), migrate(t.config)]);
      expect(results.flat().sort()).toEqual(committed(provider));
    });
  });
}

describe("migrate (sqlite)", () => {
  const t = useFreshDatabase("sqlite");

  it("applies each migration once when two processes start together", async () => {
    const run = promisify(execFile);
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const env = { ...process.env, DATABASE_URL: `file:${(t.config as { file: string }).file}` };
    const outputs = await Promise.all(
      [1, 2].map(() => run(tsx, ["scripts/db-migrate.mts"], { cwd: process.cwd(), env }).then((r) => r.stdout)),
    );
    expect(outputs.join("")).toMatch(/applied|up to date/);
    const db = new Database((t.config as { file: string }).file, { readonly: true });
    try {
      const names = db.prepare(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY name`).pluck().all();
      expect(names).toEqual(committed("sqlite"));
    } finally {
      db.close();
    }
  }, 30_000);

  it("keeps child rows when a migration rebuilds a parent table (SQLite's 12-step ALTER)", async () => {
    await migrate(t.config, { dir: t.dir });
    const file = (t.config as { file: string }).file;
    const db = new Database(file);
    db.prepare(`INSERT INTO "Workspace" ("id") VALUES ('w1')`).run();
    db.prepare(
      `INSERT INTO "Experiment" ("workspaceId", "number", "name", "artifactLocation", "creationTime", "lastUpdateTime") VALUES ('w1', 0, 'Default', '', 0, 0)`,
    ).run();
    db.close();
    // The shape Prisma writes to change a SQLite column: rebuild the table, drop the old one.
    addMigration(
      t.dir,
      "29991231235959_rebuild_workspace",
      `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "label" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Workspace" ("id", "createdAt", "lastSeenAt") SELECT "id", "createdAt", "lastSeenAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
    );
    expect(await migrate(t.config, { dir: t.dir })).toEqual(["29991231235959_rebuild_workspace"]);
    const after = new Database(file, { readonly: true });
    try {
      expect(after.prepare(`SELECT COUNT(*) FROM "Experiment"`).pluck().get()).toBe(1);
      expect(after.pragma("foreign_key_check")).toEqual([]);
    } finally {
      after.close();
    }
  });

  it("refuses a migration that leaves foreign keys dangling", async () => {
    await migrate(t.config, { dir: t.dir });
    addMigration(
      t.dir,
      "29991231235959_orphan",
      `INSERT INTO "Experiment" ("workspaceId", "number", "name", "artifactLocation", "creationTime", "lastUpdateTime") VALUES ('nobody', 0, 'x', '', 0, 0);\n`,
    );
    await expect(migrate(t.config, { dir: t.dir })).rejects.toThrow(/foreign key violation/);
  });
});

describe.skipIf(!testPostgresUrl)("migrate (postgresql) concurrency", () => {
  const t = useFreshDatabase("postgresql");

  it("serialises two migrators on separate connections with the advisory lock", async () => {
    const url = (t.config as { url: string }).url;
    const migrations = readMigrations(t.dir);
    const targets = await Promise.all([openPostgresTarget(url), openPostgresTarget(url)]);
    try {
      const results = await Promise.all(targets.map((target) => runMigrations(target, migrations)));
      expect(results.flat().sort()).toEqual(committed("postgresql"));
    } finally {
      await Promise.all(targets.map((target) => target.close()));
    }
  });
});
