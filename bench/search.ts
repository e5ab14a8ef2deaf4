/**
 * How long does runs/search take over 10 000 runs in one experiment, a page of 100?
 *
 *     npm run bench:search -- [runs=10000] [repeats=30]
 *     BENCH_DATABASE=postgresql bash scripts/with-postgres.sh npm run bench:search
 *
 * A fresh database (the app's migrations) gets one experiment of `runs` runs, each with a
 * param, a tag and an `rmse` metric (5 % without it, 1 % NaN); 1 % of the names hold `abc`;
 * then ANALYZE.
 * Six queries go through the REST dispatcher in this process (request parsing, the store, the
 * JSON answer; no HTTP socket): a filter on a metric, on a param, on a tag, `order_by
 * metrics.rmse ASC`, `attributes.run_name LIKE '%abc%'`, and every page of the whole experiment
 * ordered by the metric (per page, and in total). The baseline, timed in the same run, is what the
 * store did before searches ran in the database, for the queries it did in memory (metric sort,
 * LIKE, paging): read every run of the experiment whole, filter and sort in JavaScript.
 * Prints p50 and p95 per query and the load average; goal p50 ≤ 50 ms. Asserts nothing.
 */
import os from "node:os";
import { handleMlflowRequest } from "../lib/server/api/mlflow";
import { closeDb, getDb, type Db } from "../lib/server/db";
import { tempDatabaseFor, type TempDatabase } from "../lib/server/db/testing";
import { compareSortValues, matchesClause, parseFilter, parseOrderByList, RUN_GRAMMAR } from "../lib/server/search";
import { runInclude, toRun } from "../lib/server/tracking/prisma/mappers";
import type { Run } from "../lib/server/tracking/entities";
import { createWorkspace } from "../lib/server/workspaces";

const RUNS = Number(process.argv[2] ?? 10_000);
const REPEATS = Number(process.argv[3] ?? 30);
const PAGE = 100;
const GOAL_MS = 50;
const provider = process.env.BENCH_DATABASE ?? "sqlite";

const freshDatabase = (): Promise<TempDatabase> => tempDatabaseFor(provider);

/** A deterministic pseudo-random sequence (mulberry32), so that every run of the bench sees the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Inserts the runs directly (the bench times searches, not ingestion); the trigger keeps latest metrics. */
async function seed(db: Db, workspaceId: string): Promise<void> {
  const experiment = await db.experiment.create({
    data: { workspaceId, number: 1, name: "bench", artifactLocation: "mlflow-artifacts:/1", creationTime: 0n, lastUpdateTime: 0n },
  });
  const next = random(42);
  const hex = () => Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
  const runs = Array.from({ length: RUNS }, (_, i) => ({
    id: hex(),
    experimentId: experiment.id,
    name: i % 100 === 7 ? `run-abc-${i}` : `run-${i}`,
    status: "FINISHED",
    // Ten runs per millisecond: ties on start_time, broken by run id.
    startTime: BigInt(1_700_000_000_000 + Math.floor(i / 10)),
    endTime: BigInt(1_700_000_000_000 + Math.floor(i / 10) + 1000),
    artifactUri: `mlflow-artifacts:/1/${i}/artifacts`,
  }));
  for (const chunk of chunks(runs, 500)) await db.run.createMany({ data: chunk });
  const params = runs.map((run, i) => ({ runId: run.id, key: "alpha", value: String((i % 10) / 10) }));
  const tags = runs.map((run, i) => ({ runId: run.id, key: "team", value: ["rouge", "blanc", "rosé", "vert", "jaune"][i % 5] ?? "" }));
  const metrics = runs.flatMap((run, i) => {
    if (i % 20 === 3) return [];
    const isNan = i % 100 === 5;
    return [{ runId: run.id, key: "rmse", value: isNan ? 0 : Math.round(next() * 1e6) / 1e6, isNan, timestamp: 0n, step: 0n }];
  });
  for (const chunk of chunks(params, 500)) await db.param.createMany({ data: chunk });
  for (const chunk of chunks(tags, 500)) await db.runTag.createMany({ data: chunk });
  for (const chunk of chunks(metrics, 500)) await db.metric.createMany({ data: chunk });
}

async function search(workspaceId: string, body: Record<string, unknown>): Promise<{ runs?: unknown[]; next_page_token?: string }> {
  const request = new Request("http://cuvee.bench/api/2.0/mlflow/runs/search", { method: "POST", body: JSON.stringify(body) });
  const response = await handleMlflowRequest(workspaceId, "POST", ["runs", "search"], request);
  const json = (await response.json()) as { runs?: unknown[]; next_page_token?: string; message?: string };
  if (response.status !== 200) throw new Error(`runs/search answered ${response.status}: ${json.message}`);
  return json;
}

/** The former path, for comparison: every run of the experiment read whole, filtered and sorted here. */
async function inMemory(db: Db, workspaceId: string, filter: string, orderBy: string[], offset: number): Promise<Run[]> {
  const clauses = parseFilter(filter, RUN_GRAMMAR);
  const order = [...parseOrderByList(orderBy, RUN_GRAMMAR), { type: "attribute", key: "start_time", ascending: false } as const];
  const rows = await db.run.findMany({ where: { experiment: { workspaceId, number: 1 }, lifecycleStage: "active" }, include: runInclude });
  const valueOf = (run: Run, type: string, key: string) => {
    if (type === "metric") return run.data.metrics.find((m) => m.key === key)?.value;
    if (key === "run_name") return run.info.runName;
    return run.info.startTime;
  };
  return rows
    .map(toRun)
    .filter((run) => clauses.every((c) => matchesClause(c, valueOf(run, c.type, c.key))))
    .sort((a, b) => {
      for (const c of order) {
        const d = compareSortValues(valueOf(a, c.type, c.key), valueOf(b, c.type, c.key), c.ascending);
        if (d !== 0) return d;
      }
      return a.info.runId < b.info.runId ? -1 : 1;
    })
    .slice(offset, offset + PAGE + 1);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function repeat(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i += 1) out.push(await timed(work));
  return out;
}

const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;

function line(label: string, times: readonly number[], baseline?: readonly number[]): string {
  const base = baseline ? `   baseline p50 ${ms(percentile(baseline, 50))}  p95 ${ms(percentile(baseline, 95))}` : "";
  const verdict = percentile(times, 50) <= GOAL_MS ? "ok" : "OVER GOAL";
  return `${label.padEnd(44)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  ${verdict.padEnd(9)}${base}`;
}

async function main(): Promise<void> {
  const database = await freshDatabase();
  const savedUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  try {
    const db = await getDb();
    const workspaceId = (await createWorkspace(db)).id;
    const seeding = performance.now();
    await seed(db, workspaceId);
    // Planner statistics, as PostgreSQL's autovacuum gathers after such an insert (without them
    // it guesses a 10 000-row experiment holds a few dozen runs and picks nested loops).
    await db.$executeRawUnsafe("ANALYZE");
    console.log(`${provider}: ${RUNS} runs in one experiment, seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ${REPEATS} repeats, pages of ${PAGE}`);

    const base = { experiment_ids: ["1"], max_results: PAGE };
    const queries: { label: string; body: Record<string, unknown>; baseline?: () => Promise<unknown> }[] = [
      { label: "filter metrics.rmse < 0.1", body: { ...base, filter: "metrics.rmse < 0.1" } },
      { label: "filter params.alpha = '0.5'", body: { ...base, filter: "params.alpha = '0.5'" } },
      { label: "filter tags.team = 'rosé'", body: { ...base, filter: "tags.team = 'rosé'" } },
      {
        label: "order_by metrics.rmse ASC",
        body: { ...base, order_by: ["metrics.rmse ASC"] },
        baseline: () => inMemory(db, workspaceId, "", ["metrics.rmse ASC"], 0),
      },
      {
        label: "attributes.run_name LIKE '%abc%'",
        body: { ...base, filter: "attributes.run_name LIKE '%abc%'" },
        baseline: () => inMemory(db, workspaceId, "attributes.run_name LIKE '%abc%'", [], 0),
      },
    ];
    // Warm-up: JIT, Prisma's query plans, the database's caches.
    for (const q of queries) for (let i = 0; i < 3; i += 1) await search(workspaceId, q.body);

    for (const q of queries) {
      const times = await repeat(REPEATS, () => search(workspaceId, q.body));
      const baseline = q.baseline ? await repeat(Math.min(REPEATS, 5), q.baseline) : undefined;
      console.log(line(q.label, times, baseline));
    }

    // Every page of the experiment ordered by the metric, as a client pages through it.
    const pageTimes: number[] = [];
    let token: string | undefined;
    let seen = 0;
    const walking = performance.now();
    do {
      const body = { ...base, order_by: ["metrics.rmse ASC"], ...(token ? { page_token: token } : {}) };
      let page: Awaited<ReturnType<typeof search>> = {};
      pageTimes.push(await timed(async () => (page = await search(workspaceId, body))));
      seen += page.runs?.length ?? 0;
      token = page.next_page_token;
    } while (token);
    const total = performance.now() - walking;
    // The former path read and sorted the whole experiment for each page: a few pages of it.
    const baselinePages = await repeat(5, () => inMemory(db, workspaceId, "", ["metrics.rmse ASC"], 5000));
    console.log(line(`paging by metrics.rmse ASC (per page)`, pageTimes, baselinePages));
    console.log(
      `paging: ${pageTimes.length} pages, ${seen} runs, ${(total / 1000).toFixed(2)} s in all (baseline ≈ ${((percentile(baselinePages, 50) * pageTimes.length) / 1000).toFixed(1)} s)`,
    );
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs; goal p50 ≤ ${GOAL_MS} ms`);
  } finally {
    await closeDb();
    await database.drop();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
