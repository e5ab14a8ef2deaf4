// Prisma's schema engine compiled to WebAssembly, driven directly: the native engine (what
// `prisma migrate` runs) cannot be downloaded here, the wasm one ships in an npm package.
// Development and test time only; the app applies migrations with lib/server/db/migrate.ts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { MIGRATIONS_TABLE } from "../../lib/server/db/migrations";
import { derivePostgresSchema } from "../prisma-generate.mjs";

export type Provider = "sqlite" | "postgresql";

/** A Prisma schema as the engine takes it: a path (used in error messages) and its text. */
export interface SchemaSource {
  path: string;
  content: string;
}

const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * The runtime migrator's bookkeeping table is not part of the schema: leave it out of live
 * database diffs. PostgreSQL wants schema-qualified names (tests migrate into `public`).
 */
function liveFilters(provider: Provider): SchemaFilter {
  const table = provider === "sqlite" ? MIGRATIONS_TABLE : `public.${MIGRATIONS_TABLE}`;
  return { externalTables: [table], externalEnums: [] };
}

let wasmReady = false;

/**
 * The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
 * cannot import; so we compile the module ourselves and hand it to the JS bindings.
 */
function initWasm(): void {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const module = new WebAssembly.Module(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  wasmReady = true;
}

/**
 * A PostgreSQL "connection" for schema → schema diffs, which need no database. The engine still
 * probes the server once when it starts (schema exists? which version?), so we answer that one
 * query and refuse every other: a diff that unexpectedly needs the database fails loudly.
 * The answer (PostgreSQL 15, `public` exists) was checked to give byte-identical SQL to a real
 * PostgreSQL 15 server (see docs/decisions/001-offline-prisma-migrations.md).
 */
function offlinePostgres(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => () =>
    Promise.reject(new Error(`offline PostgreSQL adapter: ${what} needs a real database`));
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "cuvee-offline-postgres",
    queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (query.sql.includes("server_version_num")) {
        return Promise.resolve({
          columnNames: ["exists", "version", "numeric_version"],
          columnTypes: [5 /* Boolean */, 7 /* Text */, 0 /* Int32 */],
          rows: [[true, "PostgreSQL 15.0 (cuvee offline diff)", 150000]],
        });
      }
      return Promise.reject(new Error(`offline PostgreSQL adapter: unexpected query ${query.sql.slice(0, 120)}`));
    },
    executeRaw: refuse("executeRaw"),
    executeScript: refuse("executeScript"),
    startTransaction: refuse("startTransaction"),
    dispose: () => Promise.resolve(),
  };
  return {
    provider: "postgres",
    adapterName: "cuvee-offline-postgres",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: () => Promise.resolve(adapter),
  };
}

async function offlineAdapter(provider: Provider): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (provider === "postgresql") return offlinePostgres();
  // SQLite diffs run against a throwaway in-memory database: real, and free.
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  return new PrismaBetterSqlite3({ url: ":memory:" });
}

export interface SchemaEngineSession {
  /** Migration SQL from `from` (null: an empty database) to `to`. */
  diffSchemas(from: SchemaSource | null, to: SchemaSource): Promise<string>;
  /** Migration SQL from the live database behind the session's adapter to `to`. */
  diffDatabase(to: SchemaSource): Promise<string>;
  close(): void;
}

/**
 * Opens the wasm schema engine for one provider.
 * @param adapter the database to talk to; default: none needed (schema → schema diffs only).
 */
export async function openSchemaEngine(
  provider: Provider,
  schema: SchemaSource,
  adapter?: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngineSession> {
  initWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(adapter ?? (await offlineAdapter(provider)));

  // The engine reports errors thrown by the adapter as "External error id#N"; fetch the original.
  const explain = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const original = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
    if (original === undefined) return error instanceof Error ? error : new Error(message);
    const detail = original instanceof Error ? original.message : JSON.stringify(original);
    return new Error(`schema engine (${provider}): ${detail}`, { cause: error });
  };
  const call = async <T,>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw explain(error);
    }
  };

  const engine = await call(() =>
    bindings.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, bound),
  );
  const diff = async (from: DiffTarget, to: DiffTarget, filters: SchemaFilter = noFilters) => {
    const result = await call(() => engine.diff({ from, to, script: true, exitCode: null, filters }));
    return result.stdout ?? "";
  };
  const datamodel = (s: SchemaSource): DiffTarget => ({ tag: "schemaDatamodel", files: [s] });

  return {
    diffSchemas: (from, to) => diff(from ? datamodel(from) : { tag: "empty" }, datamodel(to)),
    diffDatabase: (to) =>
      diff(
        { tag: "schemaDatasource", files: [to], configDir: path.dirname(path.resolve(to.path)) },
        datamodel(to),
        liveFilters(provider),
      ),
    close: () => engine.free(),
  };
}

/** What the engine prints when two schemas are equivalent. */
export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === "" || sql.trim() === "-- This is an empty migration.";
}

/** A SQLite-provider schema (the source, or a snapshot of it) as the given provider sees it. */
export function forProvider(provider: Provider, source: SchemaSource): SchemaSource {
  if (provider === "sqlite") return source;
  return { path: source.path, content: derivePostgresSchema(source.content) };
}

/**
 * An adapter on a live PostgreSQL database that the engine can introspect (for drift checks).
 * The engine's catalog queries return `"char"` columns (type OID 18, e.g. pg_constraint.contype),
 * which @prisma/adapter-pg 7.10 cannot map ("Column type 'char' could not be deserialized");
 * pg already decodes them as strings, so we relabel them as text (OID 25).
 */
export async function livePostgresAdapter(
  url: string,
): Promise<{ adapter: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> }> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: url });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<{ fields?: { dataTypeID: number }[] }>;
  const relabelled = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  Object.assign(pool, { query: relabelled });
  return { adapter: new PrismaPg(pool), close: () => pool.end() };
}
