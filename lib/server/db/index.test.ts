import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./index";
import { type TempDatabase, tempPostgresDatabase, tempSqliteDatabase, testPostgresUrl } from "./testing";

const savedUrl = process.env.DATABASE_URL;
let db: TempDatabase | undefined;

afterEach(async () => {
  await closeDb();
  await db?.drop();
  db = undefined;
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

/** Writes and reads back through the client: migrated schema, adapter and BigInt/Date mapping. */
async function roundTrip(): Promise<void> {
  const prisma = await getDb();
  const id = `ws-${Math.random().toString(36).slice(2)}`;
  await prisma.workspace.create({
    data: {
      id,
      experiments: {
        create: { number: 0, name: "Default", artifactLocation: "mlflow-artifacts:/0", creationTime: 1n, lastUpdateTime: 2n },
      },
    },
  });
  const read = await prisma.workspace.findUnique({ where: { id }, include: { experiments: true } });
  expect(read?.id).toBe(id);
  expect(read?.createdAt).toBeInstanceOf(Date);
  expect(read?.experiments).toEqual([expect.objectContaining({ name: "Default", creationTime: 1n, lastUpdateTime: 2n })]);
  // Foreign keys are enforced (cascade on delete).
  await prisma.workspace.delete({ where: { id } });
  expect(await prisma.experiment.count({ where: { workspaceId: id } })).toBe(0);
}

describe("getDb (SQLite)", () => {
  it("creates, migrates and serves a fresh database file, in a folder it creates", async () => {
    const sqlite = tempSqliteDatabase();
    db = sqlite;
    const file = path.join(path.dirname(sqlite.file), "nested", "cuvee.db");
    process.env.DATABASE_URL = `file:${file}`;
    await roundTrip();
    expect(existsSync(file)).toBe(true);
  });

  it("hands out one client per process", async () => {
    db = tempSqliteDatabase();
    process.env.DATABASE_URL = db.url;
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(await getDb()).toBe(a);
  });

  it("uses WAL and enforces foreign keys", async () => {
    db = tempSqliteDatabase();
    process.env.DATABASE_URL = db.url;
    const prisma = await getDb();
    expect(await prisma.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await prisma.$queryRawUnsafe("PRAGMA foreign_keys")).toEqual([{ foreign_keys: 1n }]);
  });

  it("retries after a failure instead of caching it", async () => {
    process.env.DATABASE_URL = "file::memory:";
    await expect(getDb()).rejects.toThrow(/in-memory/);
    db = tempSqliteDatabase();
    process.env.DATABASE_URL = db.url;
    await expect(getDb()).resolves.toBeDefined();
  });
});

describe.skipIf(!testPostgresUrl)("getDb (PostgreSQL, CUVEE_TEST_POSTGRES_URL)", () => {
  it("migrates and serves a fresh database", async () => {
    db = await tempPostgresDatabase();
    process.env.DATABASE_URL = db.url;
    await roundTrip();
  });
});
