// The app's one Prisma client. Server-only: store modules call `getDb()`; nothing else should
// import Prisma. (No `import "server-only"`: that package is not installed; this module's
// Node-only imports would fail a client bundle anyway.)
//
// Static imports throughout, both providers: dynamic import() of relative modules breaks
// under tsx (scripts), and the generated clients load their query compilers lazily anyway.
import { PrismaPg } from "@prisma/adapter-pg";
import { type DbConfig, resolveDbConfig } from "./config";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient } from "./generated/sqlite/client";
import { migrate } from "./migrate";
import { PrismaSqliteThread } from "./sqlite-thread-adapter";

/**
 * The client type. Typed from the SQLite client: the PostgreSQL client is generated from the
 * same models (prisma/postgresql/schema.prisma is derived), so its API is identical.
 */
export type Db = PrismaClient;
export type { Prisma } from "./generated/sqlite/client";
export { type DbConfig, resolveDbConfig } from "./config";

/** How long a query waits for SQLite's write lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// On globalThis, not in a module variable: Next's dev server re-evaluates modules on every
// edit, and each evaluation would otherwise open another client (and re-run migrations).
const CACHE = Symbol.for("cuvee.db");
type Cache = { [CACHE]?: Promise<Db> };
const cache = globalThis as typeof globalThis & Cache;

async function open(): Promise<Db> {
  const config: DbConfig = resolveDbConfig();
  // Before the client exists: the schema it expects must be there.
  await migrate(config);
  if (config.provider === "sqlite") {
    // better-sqlite3 already enables foreign keys (compiled-in default); WAL was set on the
    // file by the migrator; the busy timeout is per connection, hence here.
    const adapter = new PrismaSqliteThread({ url: config.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return new PrismaClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: config.url });
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}

/**
 * The Prisma client for DATABASE_URL (default `file:./data/cuvee.db`), created on first call
 * after the database has been migrated. Later calls share it. If opening fails, the next call
 * tries again (a database that was briefly down should not need a restart).
 */
export function getDb(): Promise<Db> {
  const cached = cache[CACHE];
  if (cached) return cached;
  const opening = open().catch((error: unknown) => {
    if (cache[CACHE] === opening) delete cache[CACHE];
    throw error;
  });
  cache[CACHE] = opening;
  return opening;
}

/** Disconnects and forgets the client, so that the next `getDb()` opens DATABASE_URL afresh (tests). */
export async function closeDb(): Promise<void> {
  const cached = cache[CACHE];
  delete cache[CACHE];
  const db = await cached?.catch(() => undefined);
  await db?.$disconnect();
}
