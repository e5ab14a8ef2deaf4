// Writes a new migration for both providers from the change to prisma/schema.prisma.
//
//   npm run db:migration -- <name> [--allow-empty]
//
// Diffs the schema snapshot taken at the last migration (prisma/migrations/schema.snapshot.prisma)
// against the current schema with Prisma's wasm schema engine (no database, no network), once
// per provider, and writes
//   prisma/migrations/sqlite/<timestamp>_<name>/migration.sql
//   prisma/migrations/postgresql/<timestamp>_<name>/migration.sql
// then moves the snapshot forward. --allow-empty writes empty migrations even when the schema
// did not change, to hold hand-written SQL (a data fix): edit both files.
import path from "node:path";
import { createMigration } from "./db/create-migration.mjs";
import { repoRoot } from "./db/layout.mjs";

const USAGE = "usage: npm run db:migration -- <name> [--allow-empty]";

try {
  const args = process.argv.slice(2);
  const allowEmpty = args.includes("--allow-empty");
  const names = args.filter((arg) => arg !== "--allow-empty");
  const [name] = names;
  if (name === undefined || names.length > 1 || name.startsWith("-")) throw new Error(USAGE);

  const result = await createMigration({ name, allowEmpty });
  if (!result.created) {
    console.log(`${result.reason}: nothing written (--allow-empty to force).`);
  } else {
    for (const file of result.files) console.log(`wrote ${path.relative(repoRoot, file)}`);
    console.log("Review both migration.sql files, then commit them with the schema and the snapshot.");
  }
} catch (error) {
  console.error(`db:migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
