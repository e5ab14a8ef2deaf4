import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivedSchemaIsCurrent, derivePostgresSchema, schemaPaths } from "./prisma-generate.mjs";

const root = path.resolve(import.meta.dirname, "..");
const source = readFileSync(path.join(root, schemaPaths.sqlite), "utf8");

describe("derived PostgreSQL schema", () => {
  it("is up to date (else: npm run db:derive, and commit prisma/postgresql/schema.prisma)", () => {
    expect(derivedSchemaIsCurrent(root)).toBe(true);
  });

  it("differs from the source only by its header, provider and client output", () => {
    const derived = derivePostgresSchema(source).split("\n");
    const header = derived.findIndex((line) => !line.startsWith("// GENERATED") && !line.startsWith("// Do not edit"));
    const body = derived.slice(header);
    const original = source.split("\n");
    expect(body).toHaveLength(original.length);
    const changed = original.flatMap((line, i) => (line === body[i] ? [] : [[line.trim(), body[i]?.trim()]]));
    expect(changed).toEqual([
      ['output       = "../lib/server/db/generated/sqlite"', 'output       = "../../lib/server/db/generated/postgresql"'],
      ['provider = "sqlite"', 'provider = "postgresql"'],
    ]);
  });

  it("refuses a source it does not recognise instead of deriving a wrong schema", () => {
    expect(() => derivePostgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/provider = "sqlite"/);
    expect(() => derivePostgresSchema(source.replace("generated/sqlite", "generated/elsewhere"))).toThrow(/output/);
  });
});
