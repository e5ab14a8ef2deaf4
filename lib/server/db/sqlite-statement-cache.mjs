// Compiled-statement cache for Prisma's better-sqlite3 adapter, used on both of the SQLite
// connections (lib/server/db/sqlite-thread-adapter.ts). Plain JavaScript: the worker thread loads
// it as is, with no build step.

/** How many compiled statements are kept (Prisma's SQL text varies with list lengths). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The adapter compiles every query afresh (`client.prepare(sql).bind(args)`): for the small
 * queries most requests make, compiling cost SQLite as much as running them (profile of
 * one-metric log-batch requests). Here compiled statements are kept by SQL text (least recently
 * used dropped), and each call gets a facade that binds its own arguments when it runs (a
 * better-sqlite3 statement can be `bind`-ed only once). It offers exactly what the adapter calls:
 * `reader`, `bind`, `run`, `columns`, `raw`, `all`.
 *
 * `adapter.client` is the adapter's better-sqlite3 database: a field of its class, not of its
 * documented API, hence the exact version in package.json and the check below;
 * lib/server/db/sqlite-thread-adapter.test.ts runs Prisma through all of it.
 */
export function cacheStatements(adapter) {
  const db = adapter.client;
  if (typeof db?.prepare !== "function") {
    throw new Error("@prisma/adapter-better-sqlite3 no longer keeps its database in `.client`: update sqlite-statement-cache.mjs");
  }
  const prepare = db.prepare.bind(db);
  /** @type {Map<string, import("better-sqlite3").Statement>} */
  const compiled = new Map();
  db.prepare = (sql) => {
    let statement = compiled.get(sql);
    if (statement) {
      compiled.delete(sql);
    } else {
      statement = prepare(sql);
      if (compiled.size >= STATEMENT_CACHE_SIZE) compiled.delete(compiled.keys().next().value);
    }
    compiled.set(sql, statement);
    return bindsWhenRun(statement);
  };
  return adapter;
}

function bindsWhenRun(statement) {
  let args = [];
  const facade = {
    get reader() {
      return statement.reader;
    },
    bind(values) {
      args = values;
      return facade;
    },
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw(toggle = true) {
      statement.raw(toggle);
      return facade;
    },
    all: () => statement.all(args),
  };
  return facade;
}
