import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsDir, resolveDbConfig } from "./config";

describe("resolveDbConfig", () => {
  const cwd = "/srv/cuvee";

  it("defaults to ./data/cuvee.db under the working directory", () => {
    expect(resolveDbConfig(undefined, cwd)).toEqual({ provider: "sqlite", file: "/srv/cuvee/data/cuvee.db" });
    expect(resolveDbConfig("  ", cwd)).toEqual({ provider: "sqlite", file: "/srv/cuvee/data/cuvee.db" });
  });

  it("resolves relative SQLite paths against the working directory and drops query parameters", () => {
    expect(resolveDbConfig("file:./db/dev.db?connection_limit=1", cwd)).toEqual({ provider: "sqlite", file: "/srv/cuvee/db/dev.db" });
    expect(resolveDbConfig("file:dev.db", cwd)).toEqual({ provider: "sqlite", file: "/srv/cuvee/dev.db" });
  });

  it("accepts absolute paths and file:// URLs", () => {
    expect(resolveDbConfig("file:/var/lib/cuvee.db", cwd)).toEqual({ provider: "sqlite", file: "/var/lib/cuvee.db" });
    expect(resolveDbConfig("file:///var/lib/cuv%C3%A9e.db", cwd)).toEqual({ provider: "sqlite", file: "/var/lib/cuvée.db" });
  });

  it("recognises both PostgreSQL schemes", () => {
    for (const url of ["postgres://u:p@h:5432/db", "postgresql://u@h/db?sslmode=require"]) {
      expect(resolveDbConfig(url, cwd)).toEqual({ provider: "postgresql", url });
    }
  });

  it("refuses in-memory SQLite and unknown schemes, without echoing credentials", () => {
    expect(() => resolveDbConfig("file::memory:", cwd)).toThrow(/in-memory/);
    expect(() => resolveDbConfig("mysql://root:secret@h/db", cwd)).toThrow(/file: \(SQLite\) or postgresql:\/\//);
    expect(() => resolveDbConfig("mysql://root:secret@h/db", cwd)).not.toThrow(/secret/);
  });
});

it("finds migrations under prisma/migrations/<provider>", () => {
  expect(migrationsDir("postgresql", "/srv/cuvee")).toBe(path.join("/srv/cuvee", "prisma", "migrations", "postgresql"));
});
