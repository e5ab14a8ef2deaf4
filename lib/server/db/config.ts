// Which database the app talks to, from DATABASE_URL. Server-only.
import path from "node:path";
import { fileURLToPath } from "node:url";

export type DbProvider = "sqlite" | "postgresql";

export type DbConfig =
  | { provider: "sqlite"; /** Absolute path of the database file. */ file: string }
  | { provider: "postgresql"; url: string };

/** Used when DATABASE_URL is unset: a file beside the app, created on first start. */
export const DEFAULT_DATABASE_URL = "file:./data/cuvee.db";

/**
 * Parses a database URL.
 * - `file:PATH` (or `file:///abs/path`): SQLite; a relative PATH is resolved against `cwd`
 *   (Prisma's own rule would be "relative to the schema", which means nothing at run time).
 *   Query parameters are ignored: the better-sqlite3 adapter does not read them.
 * - `postgres://…` or `postgresql://…`: PostgreSQL, passed to `pg` untouched.
 */
export function resolveDbConfig(url: string | undefined = process.env.DATABASE_URL, cwd = process.cwd()): DbConfig {
  const value = url?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: "postgresql", url: value };
  if (value.startsWith("file:")) {
    const withoutQuery = value.replace(/\?.*$/, "");
    const filePath = withoutQuery.startsWith("file://") ? fileURLToPath(withoutQuery) : withoutQuery.slice("file:".length);
    if (filePath === "" || filePath === ":memory:") {
      // Migrations run on their own connection; an in-memory database would vanish with it.
      throw new Error(`DATABASE_URL=${value}: an in-memory SQLite database is not supported; use a file path`);
    }
    return { provider: "sqlite", file: path.resolve(cwd, filePath) };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${value.replace(/\/\/[^@/]*@/, "//…@")}"`,
  );
}

/** Where the committed migrations of a provider live; Next.js runs from the project root. */
export function migrationsDir(provider: DbProvider, cwd = process.cwd()): string {
  return path.join(cwd, "prisma", "migrations", provider);
}
