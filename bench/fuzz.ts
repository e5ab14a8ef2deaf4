/**
 * The long fuzzing session of issue #14: a fresh database, `next start`, the fixture, then N
 * seeded requests over every endpoint (tests/reliability/fuzz.ts), and the checks that matter:
 * no 5xx beyond the known list (tests/reliability/known-5xx.ts), every request answered, and the
 * whole database (every row of every table) and the whole artifact folder byte-identical before
 * and after.
 *
 *     npm run build && npm run bench:fuzz -- [--seed 1] [--count 10000] [--from 0] [--concurrency 4] [--verbose]
 *
 * `--from N --count 1 --verbose` replays request N of a seed alone and prints it with its answer. Exits 1 on an unexpected 5xx, a request
 * without an answer, or a changed store. Prints durations; asserts none.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { tempSqliteDatabase } from "../lib/server/db/testing";
import { createFixture } from "../tests/reliability/fixture";
import { rawClient } from "../tests/reliability/http";
import { formatReport, runFuzz } from "../tests/reliability/run";
import { startApp } from "../tests/reliability/server";
import { artifactTree, snapshotDifferences, snapshotHash, sqliteDatabaseDump, type Snapshot } from "../tests/reliability/snapshot";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "10000" },
    from: { type: "string", default: "0" },
    concurrency: { type: "string", default: "4" },
    verbose: { type: "boolean", default: false },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
const from = Number(values.from);
const concurrency = Number(values.concurrency);

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cuvee-bench-fuzz-"));
  const database = tempSqliteDatabase();
  const artifactsDir = path.join(scratch, "artifacts");
  const app = await startApp({ databaseUrl: database.url, artifactsDir });
  const client = rawClient(app.baseUrl);
  try {
    const fixture = await createFixture(client);
    const store = async (): Promise<Snapshot> => {
      const dump = await sqliteDatabaseDump(database.file);
      return { parts: { ...dump.parts, artifacts: JSON.stringify(artifactTree(artifactsDir)) } };
    };
    const before = await store();
    console.log(`store before: ${snapshotHash(before)} (${Object.keys(before.parts).length} tables + artifacts)`);
    let lastPrinted = 0;
    const report = await runFuzz(client, fixture, {
      seed,
      count,
      from,
      concurrency,
      onAnswer: values.verbose
        ? (request, response) =>
            console.log(
              `#${request.index} [${request.family}] ${request.method} ${request.path.slice(0, 300)}\n  body: ${new TextDecoder().decode(request.body ?? new Uint8Array()).slice(0, 300)}\n  → ${response.status} ${(response.error ?? response.body.toString("utf8")).slice(0, 500)}`,
            )
        : undefined,
      onProgress: (done) => {
        if (done - lastPrinted >= 1000) {
          lastPrinted = done;
          process.stderr.write(`  ${done}/${count}\n`);
        }
      },
    });
    const after = await store();
    const changed = snapshotDifferences(before, after);
    console.log(formatReport(report));
    console.log(`store after:  ${snapshotHash(after)} — ${changed.length === 0 ? "byte-identical" : `CHANGED: ${changed.join(", ")}`}`);
    if (report.unexpected.length > 0 || changed.length > 0) process.exitCode = 1;
  } finally {
    client.close();
    await app.stop();
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
