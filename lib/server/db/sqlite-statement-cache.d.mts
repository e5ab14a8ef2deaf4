import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

/** Keeps the compiled statements of a connected `@prisma/adapter-better-sqlite3` adapter (see the .mjs). */
export function cacheStatements<A extends SqlDriverAdapter>(adapter: A): A;
