import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checksumOf, type Migration, MigrationError, pendingMigrations, readMigrations } from "./migrations";

const m = (name: string, sql = `-- ${name}`): Migration => ({ name, sql, checksum: checksumOf(sql) });

describe("checksumOf", () => {
  it("ignores line-ending style (a Windows checkout is not an edit)", () => {
    expect(checksumOf("a;\r\nb;\r\n")).toBe(checksumOf("a;\nb;\n"));
    expect(checksumOf("a;\n")).not.toBe(checksumOf("a; \n"));
  });
});

describe("pendingMigrations", () => {
  const all = [m("1_init"), m("2_more"), m("3_last")];

  it("returns what is not applied yet, in order", () => {
    expect(pendingMigrations([], all).map((x) => x.name)).toEqual(["1_init", "2_more", "3_last"]);
    expect(pendingMigrations([all[0]!, all[2]!], all).map((x) => x.name)).toEqual(["2_more"]);
    expect(pendingMigrations(all, all)).toEqual([]);
  });

  it("refuses an applied migration whose file changed", () => {
    const applied = [{ name: "1_init", checksum: checksumOf("-- the original") }];
    expect(() => pendingMigrations(applied, all)).toThrow(MigrationError);
    expect(() => pendingMigrations(applied, all)).toThrow(/migration 1_init was changed after it was applied/);
  });

  it("refuses a database that ran a migration this code does not have", () => {
    expect(() => pendingMigrations([m("9_future")], all)).toThrow(/9_future applied, but it is not among the committed migrations/);
  });
});

describe("readMigrations", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads migration folders in name order and skips plain files", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-migrations-"));
    for (const name of ["20250102000000_b", "20250101000000_a"]) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), `-- ${name}\n`);
    }
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    const found = readMigrations(dir);
    expect(found.map((x) => x.name)).toEqual(["20250101000000_a", "20250102000000_b"]);
    expect(found[0]).toEqual(m("20250101000000_a", "-- 20250101000000_a\n"));
  });

  it("explains a missing folder or migration.sql", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-migrations-"));
    expect(() => readMigrations(path.join(dir, "nope"))).toThrow(/migrations folder not found/);
    mkdirSync(path.join(dir, "20250101000000_empty"));
    expect(() => readMigrations(dir)).toThrow(/without migration.sql/);
  });
});
