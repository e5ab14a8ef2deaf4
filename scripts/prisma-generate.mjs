// Derives the PostgreSQL schema from `prisma/schema.prisma`, then generates both Prisma clients.
//
//   node scripts/prisma-generate.mjs           derive + generate (the `postinstall` script)
//   node scripts/prisma-generate.mjs --check   exit 1 if the committed derived schema is stale
//
// Plain JavaScript (not TypeScript) because it runs during `npm ci`, before anything could
// compile it. It must work offline: `prisma generate` only wants the native schema engine to
// exist, not to run, so we point PRISMA_SCHEMA_ENGINE_BINARY at a file that is always there.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Schema paths, relative to the repository root. */
export const schemaPaths = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgresql/schema.prisma",
};

const HEADER = [
  "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs (npm run db:derive).",
  "// Do not edit: edit prisma/schema.prisma. Only the datasource provider and the client output differ.",
  "",
].join("\n");

/**
 * Rewrites one exact line of the source, and fails if it is not there exactly once: if the
 * source schema is reformatted, we want a loud error, not a PostgreSQL schema that is silently
 * still SQLite.
 */
function replaceOnce(source, pattern, replacement, what) {
  const matches = source.match(new RegExp(pattern.source, "gm"));
  if (matches?.length !== 1) {
    throw new Error(
      `prisma-generate: expected exactly one ${what} in ${schemaPaths.sqlite} (pattern ${pattern}), found ${matches?.length ?? 0}`,
    );
  }
  return source.replace(new RegExp(pattern.source, "m"), replacement);
}

/** The PostgreSQL schema derived from the SQLite source schema's text. */
export function derivePostgresSchema(sqliteSource) {
  let out = replaceOnce(sqliteSource, /^(\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'provider = "sqlite"');
  out = replaceOnce(
    out,
    /^(\s*output\s*=\s*)"\.\.\/lib\/server\/db\/generated\/sqlite"/,
    '$1"../../lib/server/db/generated/postgresql"',
    'output = "../lib/server/db/generated/sqlite"',
  );
  return HEADER + out;
}

/** Whether the committed derived schema matches the source. */
export function derivedSchemaIsCurrent(rootDir = root) {
  const expected = derivePostgresSchema(readFileSync(path.join(rootDir, schemaPaths.sqlite), "utf8"));
  const target = path.join(rootDir, schemaPaths.postgresql);
  return existsSync(target) && readFileSync(target, "utf8") === expected;
}

/** Writes the derived schema (only when it changed, to keep mtimes and watchers quiet). */
export function writeDerivedSchema(rootDir = root) {
  const expected = derivePostgresSchema(readFileSync(path.join(rootDir, schemaPaths.sqlite), "utf8"));
  const target = path.join(rootDir, schemaPaths.postgresql);
  if (existsSync(target) && readFileSync(target, "utf8") === expected) return false;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, expected);
  return true;
}

function prismaCli() {
  try {
    return createRequire(path.join(root, "package.json")).resolve("prisma/build/index.js");
  } catch {
    return null;
  }
}

function generate(cli, schema) {
  const env = {
    ...process.env,
    // `prisma generate` checks that the native schema engine exists but never runs it; the
    // download fails without internet. Any existing file will do: this script is one.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || fileURLToPath(import.meta.url),
    CHECKPOINT_DISABLE: "1", // Prisma's version-check telemetry (a network call)
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const result = spawnSync(process.execPath, [cli, "generate", "--no-hints", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    throw new Error(`prisma-generate: \`prisma generate --schema ${schema}\` failed (exit ${result.status ?? result.signal})`);
  }
}

function main(args) {
  if (args.includes("--check")) {
    if (!derivedSchemaIsCurrent()) {
      console.error(`${schemaPaths.postgresql} is stale: run \`npm run db:derive\` and commit it.`);
      process.exit(1);
    }
    return;
  }
  if (writeDerivedSchema()) console.log(`prisma-generate: wrote ${schemaPaths.postgresql}`);
  if (args.includes("--derive-only")) return;

  const cli = prismaCli();
  if (!cli) {
    // `npm ci --omit=dev` (prisma is a dev dependency): the app was built beforehand, and the
    // generated clients are already bundled into `.next/`.
    console.warn("prisma-generate: the prisma CLI is not installed (dev dependencies omitted?); skipping generate.");
    return;
  }
  generate(cli, schemaPaths.sqlite);
  generate(cli, schemaPaths.postgresql);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
