import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../lib/server/db/migrate";
import { readMigrations } from "../../lib/server/db/migrations";
import { tempSqliteDatabase } from "../../lib/server/db/testing";
import { createMigration, normaliseName } from "./create-migration.mjs";
import { providerMigrationsDir, readSchema, readSnapshot, repoRoot, SCHEMA_PATH, SNAPSHOT_PATH } from "./layout.mjs";
import { isEmptyMigration, openSchemaEngine } from "./schema-engine.mjs";

/** A scratch copy of the repository's prisma/ folder to run db:migration in. */
let root = "";
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "cuvee-root-"));
  cpSync(path.join(repoRoot, "prisma"), path.join(root, "prisma"), {
    recursive: true,
    filter: (source) => !source.endsWith(".test.ts"),
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function editSchema(edit: (content: string) => string): void {
  const file = path.join(root, SCHEMA_PATH);
  writeFileSync(file, edit(readFileSync(file, "utf8")));
}

const later = new Date("2999-01-01T00:00:00Z");

describe("createMigration", () => {
  it("writes nothing when the schema did not change (comments do not count)", async () => {
    editSchema((c) => c.replace("model Workspace {", "// A new comment.\nmodel Workspace {"));
    expect(await createMigration({ name: "noop", root, now: later })).toEqual({
      created: false,
      reason: expect.stringContaining("no schema change"),
    });
  });

  it("writes both providers' migrations and moves the snapshot forward", async () => {
    editSchema((c) => c.replace(/(model Workspace \{\n)/, "$1  nickname String?\n"));
    const result = await createMigration({ name: "Add nickname!", root, now: later });
    expect(result).toMatchObject({ created: true, folder: "29990101000000_add_nickname" });

    const read = (provider: "sqlite" | "postgresql") =>
      readFileSync(path.join(providerMigrationsDir(provider, root), "29990101000000_add_nickname", "migration.sql"), "utf8");
    expect(read("sqlite")).toContain('ALTER TABLE "Workspace" ADD COLUMN "nickname" TEXT;');
    expect(read("postgresql")).toContain('ALTER TABLE "Workspace" ADD COLUMN     "nickname" TEXT;');
    expect(readSnapshot(root)?.migration).toBe("29990101000000_add_nickname");
    expect(readFileSync(path.join(root, "prisma/postgresql/schema.prisma"), "utf8")).toContain("nickname String?");

    // The new SQLite chain builds exactly the edited schema.
    const db = tempSqliteDatabase();
    try {
      await migrate({ provider: "sqlite", file: db.file }, { dir: providerMigrationsDir("sqlite", root) });
      const engine = await openSchemaEngine("sqlite", readSchema(root), new PrismaBetterSqlite3({ url: db.file }));
      try {
        expect(await engine.diffDatabase(readSchema(root))).toSatisfy(isEmptyMigration);
      } finally {
        engine.close();
      }
    } finally {
      await db.drop();
    }
  });

  it("reproduces the committed first migration from nothing", async () => {
    // Only meaningful while `init` is the only migration.
    if (readMigrations(providerMigrationsDir("sqlite")).length !== 1) return;
    rmSync(path.join(root, "prisma/migrations"), { recursive: true });
    mkdirSync(path.join(root, "prisma/migrations"));
    const result = await createMigration({ name: "init", root, now: later });
    expect(result.created).toBe(true);
    for (const provider of ["sqlite", "postgresql"] as const) {
      const [mine] = readMigrations(providerMigrationsDir(provider, root));
      const [theirs] = readMigrations(providerMigrationsDir(provider));
      expect(mine?.sql, provider).toBe(theirs?.sql);
    }
  });

  it("refuses to start from a snapshot that is not the latest migration's", async () => {
    mkdirSync(path.join(providerMigrationsDir("sqlite", root), "29980101000000_from_a_merge"));
    await expect(createMigration({ name: "next", root, now: later })).rejects.toThrow(
      new RegExp(`${SNAPSHOT_PATH.replace(/\./g, "\\.")} was taken at .* but the latest sqlite migration is 29980101000000_from_a_merge`),
    );
  });

  it("normalises names like prisma migrate dev", () => {
    expect(normaliseName("  Add Run-Inputs ")).toBe("add_run_inputs");
    expect(() => normaliseName("!!")).toThrow(/invalid migration name/);
  });
});
