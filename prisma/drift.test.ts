// Drift between prisma/schema.prisma and the committed migrations: editing the schema without
// `npm run db:migration -- <name>` (or editing a migration by hand into something else) fails here.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/server/db/migrate";
import { readMigrations } from "@/lib/server/db/migrations";
import { tempPostgresDatabase, tempSqliteDatabase, testPostgresUrl } from "@/lib/server/db/testing";
import { PROVIDERS, providerMigrationsDir, readSchema, readSnapshot, type Snapshot } from "@/scripts/db/layout.mjs";
import {
  forProvider,
  isEmptyMigration,
  livePostgresAdapter,
  openSchemaEngine,
  type SchemaSource,
} from "@/scripts/db/schema-engine.mjs";

const schema = readSchema();

/** The schema with one more column: what "edited without a migration" looks like. */
const editedSchema: SchemaSource = {
  path: schema.path,
  content: schema.content.replace(/(model Workspace \{\n)/, "$1  driftProbe String?\n"),
};

/** Passes on an empty migration; otherwise fails showing the SQL that is missing. */
function expectNoMigration(sql: string, hint: string): void {
  expect(isEmptyMigration(sql) ? "" : sql, hint).toBe("");
}

function requireSnapshot(): Snapshot {
  const snapshot = readSnapshot();
  if (!snapshot) throw new Error("no prisma/migrations/schema.snapshot.prisma: run npm run db:migration -- init");
  return snapshot;
}

describe("migration bookkeeping", () => {
  it("has the same migrations for both providers, and the snapshot of the latest", () => {
    const [sqlite, postgresql] = PROVIDERS.map((p) => readMigrations(providerMigrationsDir(p)).map((m) => m.name));
    expect(sqlite?.length).toBeGreaterThan(0);
    expect(postgresql).toEqual(sqlite);
    expect(requireSnapshot().migration).toBe(sqlite?.at(-1));
  });

  it("has a snapshot equivalent to the current schema, for both providers", async () => {
    const snapshot = requireSnapshot();
    for (const provider of PROVIDERS) {
      const engine = await openSchemaEngine(provider, forProvider(provider, schema));
      try {
        const sql = await engine.diffSchemas(forProvider(provider, snapshot.source), forProvider(provider, schema));
        expectNoMigration(sql, `${provider}: schema.prisma changed since the last migration; run npm run db:migration -- <name>`);
      } finally {
        engine.close();
      }
    }
  });

  it("has PostgreSQL migrations that build the snapshot (exactly, while there is one migration)", async () => {
    const migrations = readMigrations(providerMigrationsDir("postgresql"));
    // With several migrations, diff(empty → snapshot) is no longer their concatenation; the
    // live PostgreSQL test below (CUVEE_TEST_POSTGRES_URL) covers that case.
    if (migrations.length !== 1) return;
    const snapshot = forProvider("postgresql", requireSnapshot().source);
    const engine = await openSchemaEngine("postgresql", snapshot);
    try {
      expect(migrations[0]?.sql).toBe(await engine.diffSchemas(null, snapshot));
    } finally {
      engine.close();
    }
  });
});

describe("SQLite: migrations applied to a fresh database", () => {
  const db = tempSqliteDatabase();
  let engine: Awaited<ReturnType<typeof openSchemaEngine>>;

  beforeAll(async () => {
    await migrate({ provider: "sqlite", file: db.file });
    engine = await openSchemaEngine("sqlite", schema, new PrismaBetterSqlite3({ url: db.file }));
  });
  afterAll(async () => {
    engine?.close();
    await db.drop();
  });

  it("match prisma/schema.prisma", async () => {
    expectNoMigration(await engine.diffDatabase(schema), "schema.prisma has changes no migration makes; run npm run db:migration -- <name>");
  });

  it("match the snapshot", async () => {
    expectNoMigration(await engine.diffDatabase(requireSnapshot().source), "the snapshot and the SQLite migrations disagree");
  });

  it("would be caught drifting (control: a schema edited without a migration)", async () => {
    expect(await engine.diffDatabase(editedSchema)).toContain('"driftProbe"');
  });
});

describe.skipIf(!testPostgresUrl)("PostgreSQL: migrations applied to a fresh database (CUVEE_TEST_POSTGRES_URL)", () => {
  const pgSchema = forProvider("postgresql", schema);
  let drop: () => Promise<void> = () => Promise.resolve();
  let engine: Awaited<ReturnType<typeof openSchemaEngine>>;
  let closeAdapter: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    const db = await tempPostgresDatabase();
    drop = db.drop;
    await migrate({ provider: "postgresql", url: db.url });
    const live = await livePostgresAdapter(db.url);
    closeAdapter = live.close;
    engine = await openSchemaEngine("postgresql", pgSchema, live.adapter);
  });
  afterAll(async () => {
    engine?.close();
    await closeAdapter();
    await drop();
  });

  it("match prisma/schema.prisma", async () => {
    expectNoMigration(await engine.diffDatabase(pgSchema), "schema.prisma has changes no migration makes; run npm run db:migration -- <name>");
  });

  it("would be caught drifting (control)", async () => {
    expect(await engine.diffDatabase(forProvider("postgresql", editedSchema))).toContain('"driftProbe"');
  });
});
