/**
 * How many metric points per second does the tracking server store through its HTTP API, next to
 * what the database driver itself inserts into the same table in the same run?
 *
 *     npm run build && npm run bench:ingest -- [clients=4] [batchesPerClient=25] [rounds=5]
 *     BENCH_DATABASE=postgresql scripts/with-postgres.sh npm run bench:ingest
 *
 * API side: `next start` on a fresh database; each client has its own run and posts
 * `runs/log-batch` requests of 1000 metrics (MLflow's maximum), all clients at once.
 * Raw side: the same driver (better-sqlite3 or pg) inserting the same number of points, 1000 rows
 * per transaction, into the `Metric` table of a fresh database migrated with the app's own
 * migrations (same columns, same index, same foreign key, but without the trigger that keeps
 * latest values: the API does that work too, the raw side does not); on PostgreSQL with as many
 * concurrent connections as there are API clients (SQLite has one writer at a time anyway).
 * Both sides are warmed up and build their requests before the clock starts. Rounds alternate
 * between the sides; prints each round's rates and ratio, and the medians (goal: API ≥ 50 % of
 * raw). Asserts nothing.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../lib/server/db/migrate";
import { resolveDbConfig } from "../lib/server/db/config";
import { tempDatabaseFor, type TempDatabase } from "../lib/server/db/testing";
import { startApp } from "../tests/reliability/server";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BATCH = 1000;
const clients = Number(process.argv[2] ?? 4);
const batchesPerClient = Number(process.argv[3] ?? 25);
const rounds = Number(process.argv[4] ?? 5);
/** Requests sent before timing: the first ones pay for JIT compilation and route loading. */
const WARMUP_BATCHES = 10;
const provider = process.env.BENCH_DATABASE ?? "sqlite";

const freshDatabase = (): Promise<TempDatabase> => tempDatabaseFor(provider);

function batchOf(clientIndex: number, batchIndex: number) {
  return Array.from({ length: BATCH }, (_, i) => {
    const step = batchIndex * BATCH + i;
    return { key: `loss_${i % 10}`, value: Math.sin(step + clientIndex), timestamp: 1_700_000_000_000 + step, step };
  });
}

/**
 * A lean HTTP client: the clients share this machine's cores with the server, and `fetch` spent
 * ~2.5 ms of CPU per 1000-metric request that the server then did not have. Keep-alive
 * connections, as MLflow's clients (requests.Session) use.
 */
function poster(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true });
  const { hostname, port } = new URL(baseUrl);
  const post = (endpoint: string, body: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const request = http.request(
        { hostname, port, path: `/api/2.0/mlflow/${endpoint}`, method: "POST", agent, headers: { "Content-Type": "application/json" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            if (response.statusCode === 200) resolve(JSON.parse(text) as Record<string, unknown>);
            else reject(new Error(`${endpoint}: HTTP ${response.statusCode} ${text.slice(0, 300)}`));
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** The API side: warms the server up once, then each `round()` measures a fresh set of runs. */
async function apiSide(baseUrl: string) {
  const { post, close } = poster(baseUrl);
  const createRun = async () => ((await post("runs/create", "{}")) as { run: { info: { run_id: string } } }).run.info.run_id;
  // Warm-up: the first requests load routes, open the database and get the code JIT-compiled.
  const warm = await createRun();
  for (let b = 0; b < WARMUP_BATCHES; b += 1) await post("runs/log-batch", JSON.stringify({ run_id: warm, metrics: batchOf(99, b) }));

  const round = async (): Promise<number> => {
    const runIds: string[] = [];
    for (let c = 0; c < clients; c += 1) runIds.push(await createRun());
    // Request bodies are written before the clock starts: the clients' own work is not the server's.
    const bodies = runIds.map((runId, c) =>
      Array.from({ length: batchesPerClient }, (_, b) => JSON.stringify({ run_id: runId, metrics: batchOf(c, b) })),
    );
    const started = performance.now();
    await Promise.all(
      bodies.map(async (batches) => {
        for (const body of batches) await post("runs/log-batch", body);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return (clients * batchesPerClient * BATCH) / seconds;
  };
  return { round, close };
}

/**
 * The raw side stores history rows only: the trigger that keeps each key's latest value
 * (migration `latest_metric_trigger`) is dropped, so the API, which keeps latest values too, is
 * held to the plain insert rate.
 */
const DROP_LATEST_METRIC_TRIGGER = `DROP TRIGGER "Metric_keep_latest"${provider === "postgresql" ? ` ON "Metric"` : ""}`;

/** The same points straight into `Metric` through the driver, 1000 rows per transaction. */
async function measureRaw(databaseUrl: string): Promise<number> {
  const config = resolveDbConfig(databaseUrl, ROOT);
  await migrate(config);
  const total = clients * batchesPerClient;
  const runId = "0".repeat(32);
  if (config.provider === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(config.file);
    db.exec(DROP_LATEST_METRIC_TRIGGER);
    db.exec(`INSERT INTO "Workspace" ("id") VALUES ('bench');
      INSERT INTO "Experiment" ("workspaceId","number","name","artifactLocation","creationTime","lastUpdateTime") VALUES ('bench',0,'b','x',0,0);
      INSERT INTO "Run" ("id","experimentId","name","status","startTime","artifactUri") VALUES ('${runId}',1,'r','RUNNING',0,'x');`);
    const insert = db.prepare(`INSERT INTO "Metric" ("runId","key","value","isNan","timestamp","step") VALUES (?,?,?,?,?,?)`);
    const insertBatch = db.transaction((rows: ReturnType<typeof batchOf>) => {
      for (const m of rows) insert.run(runId, m.key, m.value, 0, m.timestamp, m.step);
    });
    // Warmed up like the API side, and with its batches built before the clock starts.
    for (let b = 0; b < WARMUP_BATCHES; b += 1) insertBatch(batchOf(99, b));
    const batches = Array.from({ length: total }, (_, b) => batchOf(b % clients, Math.floor(b / clients)));
    const started = performance.now();
    for (const batch of batches) insertBatch(batch);
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return (total * BATCH) / seconds;
  }
  // PostgreSQL serves several connections at once, and the API's clients use that: the raw side
  // does the same, one connection per client, each inserting its batches in turn, all at once.
  const { default: pg } = await import("pg");
  const setup = new pg.Client({ connectionString: config.url });
  await setup.connect();
  await setup.query(DROP_LATEST_METRIC_TRIGGER);
  await setup.query(`INSERT INTO "Workspace" ("id") VALUES ('bench')`);
  await setup.query(`INSERT INTO "Experiment" ("workspaceId","number","name","artifactLocation","creationTime","lastUpdateTime") VALUES ('bench',0,'b','x',0,0)`);
  const runIds = Array.from({ length: clients }, (_, c) => String(c).padStart(32, "0"));
  for (const id of runIds) {
    await setup.query(`INSERT INTO "Run" ("id","experimentId","name","status","startTime","artifactUri") VALUES ($1,1,'r','RUNNING',0,'x')`, [id]);
  }
  await setup.end();
  const connections = await Promise.all(
    runIds.map(async () => {
      const client = new pg.Client({ connectionString: config.url });
      await client.connect();
      return client;
    }),
  );
  // One multi-row INSERT per batch, its statement text and values built before the clock starts.
  const statementOf = (c: number, b: number) => {
    const values: unknown[] = [];
    const tuples = batchOf(c, b).map((m, i) => {
      values.push(runIds[c], m.key, m.value, false, m.timestamp, m.step);
      const o = i * 6;
      return `($${o + 1},$${o + 2},$${o + 3},$${o + 4},$${o + 5},$${o + 6})`;
    });
    return { text: `INSERT INTO "Metric" ("runId","key","value","isNan","timestamp","step") VALUES ${tuples.join(",")}`, values };
  };
  const insertBatch = async (client: InstanceType<typeof pg.Client>, statement: ReturnType<typeof statementOf>) => {
    await client.query("BEGIN");
    await client.query(statement.text, statement.values);
    await client.query("COMMIT");
  };
  const [first] = connections;
  if (first) for (let b = 0; b < WARMUP_BATCHES; b += 1) await insertBatch(first, statementOf(0, 1000 + b));
  const statements = connections.map((_, c) => Array.from({ length: batchesPerClient }, (_, b) => statementOf(c, b)));
  const started = performance.now();
  await Promise.all(
    connections.map(async (client, c) => {
      for (const statement of statements[c] ?? []) await insertBatch(client, statement);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(connections.map((client) => client.end()));
  return (total * BATCH) / seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cuvee-bench-ingest-"));
  const apiDb = await freshDatabase();
  let child: ChildProcess | undefined;
  try {
    const app = await startApp({ databaseUrl: apiDb.url, artifactsDir: path.join(scratch, "artifacts") });
    child = app.child;
    const api = await apiSide(app.baseUrl);
    const format = (n: number) => Math.round(n).toLocaleString("en-US").padStart(10);
    const percent = (ratio: number) => `${(ratio * 100).toFixed(1).padStart(6)} %`;
    console.log(
      `database: ${provider}; ${clients} concurrent clients × ${batchesPerClient} log-batch requests × ${BATCH} metrics; ${rounds} rounds`,
    );
    console.log("round   HTTP API points/s   raw driver points/s   API / raw");
    // Rounds alternate between the two sides, so that a slow spell of this machine (a shared VM)
    // weighs on both; the medians are the result.
    const apiRates: number[] = [];
    const rawRates: number[] = [];
    for (let r = 1; r <= rounds; r += 1) {
      const apiRate = await api.round();
      const rawDb = await freshDatabase();
      const rawRate = await measureRaw(rawDb.url).finally(() => rawDb.drop());
      apiRates.push(apiRate);
      rawRates.push(rawRate);
      console.log(`${String(r).padStart(5)}   ${format(apiRate)}          ${format(rawRate)}            ${percent(apiRate / rawRate)}`);
    }
    api.close();
    const ratios = apiRates.map((rate, i) => rate / (rawRates[i] ?? Number.NaN));
    console.log(`median  ${format(median(apiRates))}          ${format(median(rawRates))}            ${percent(median(ratios))}  (goal ≥ 50 %)`);
  } finally {
    child?.kill("SIGTERM");
    await apiDb.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
