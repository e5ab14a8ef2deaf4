/**
 * Can a LIKE pattern freeze the server? Times the patterns that used to backtrack for seconds
 * (6 and 7 `%` on a 100-character name) or forever (10 `%` on 500 characters), on every search
 * that matches LIKE/ILIKE, and a `/api/cuvee/health` request sent while each search is in flight.
 *
 *     npm run build && npm run bench:redos -- [repeats=5]
 *
 * `next start` on a fresh SQLite database, with experiments, run tags, registered models and
 * model versions named with 100 and 500 `a`; no name ends with `zzz`, so each pattern has to
 * try every split of the name before it fails. Prints the median and worst time of each search
 * and of the health request meanwhile (goal: each search < 200 ms, health < 100 ms meanwhile).
 * Asserts nothing.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { tempSqliteDatabase } from "../lib/server/db/testing";
import { startApp } from "../tests/reliability/server";

const repeats = Number(process.argv[2] ?? 5);
const SEARCH_GOAL_MS = 200;
const HEALTH_GOAL_MS = 100;

function client(baseUrl: string) {
  const api = async (method: "GET" | "POST", endpoint: string, body: Record<string, unknown>) => {
    const url = `${baseUrl}/api/2.0/mlflow/${endpoint}`;
    const response =
      method === "GET"
        ? await fetch(`${url}?${new URLSearchParams(body as Record<string, string>)}`)
        : await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return { api, health: () => fetch(`${baseUrl}/api/cuvee/health`).then((r) => r.text()) };
}

type Api = ReturnType<typeof client>["api"];

async function seed(api: Api): Promise<void> {
  for (const length of [100, 500]) {
    const name = "a".repeat(length);
    const { experiment_id } = (await api("POST", "experiments/create", { name })) as { experiment_id: string };
    for (let i = 0; i < 5; i += 1) {
      const { run } = (await api("POST", "runs/create", { experiment_id })) as { run: { info: { run_id: string } } };
      await api("POST", "runs/set-tag", { run_id: run.info.run_id, key: "t", value: name });
      if (i === 0) {
        await api("POST", "registered-models/create", { name });
        await api("POST", "model-versions/create", { name, source: `runs:/${run.info.run_id}/model`, run_id: run.info.run_id });
      }
    }
  }
}

interface Case {
  label: string;
  method: "GET" | "POST";
  endpoint: string;
  body: Record<string, unknown>;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const pattern of ["%%%%%%zzz", "%%%%%%%zzz", "%%%%%%%%%%zzz"]) {
    out.push(
      { label: `experiments  name LIKE '${pattern}'`, method: "POST", endpoint: "experiments/search", body: { filter: `name LIKE '${pattern}'` } },
      {
        label: `runs         tags.t ILIKE '${pattern.toUpperCase()}'`,
        method: "POST",
        endpoint: "runs/search",
        body: { experiment_ids: ["1", "2"], filter: `tags.t ILIKE '${pattern.toUpperCase()}'` },
      },
      { label: `models       name LIKE '${pattern}'`, method: "GET", endpoint: "registered-models/search", body: { filter: `name LIKE '${pattern}'` } },
      { label: `versions     name LIKE '${pattern}'`, method: "GET", endpoint: "model-versions/search", body: { filter: `name LIKE '${pattern}'` } },
    );
  }
  return out;
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cuvee-bench-redos-"));
  const database = tempSqliteDatabase();
  let child: ChildProcess | undefined;
  try {
    const app = await startApp({ databaseUrl: database.url, artifactsDir: path.join(scratch, "artifacts") });
    child = app.child;
    const { api, health } = client(app.baseUrl);
    await seed(api);
    // Warm-up: the first requests load each route and get the code JIT-compiled.
    for (const c of cases()) await api(c.method, c.endpoint, c.body);
    await health();

    const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
    const alone: number[] = [];
    for (let r = 0; r < repeats * 4; r += 1) alone.push(await timed(health));
    console.log(`${repeats} repeats; names of 100 and 500 characters; median and worst`);
    console.log(`health alone: median ${ms(median(alone))}, worst ${ms(Math.max(...alone))}`);
    console.log(`${"search".padEnd(44)}  ${"search median".padStart(13)}  ${"worst".padStart(10)}  ${"health meanwhile".padStart(16)}  ${"worst".padStart(10)}`);
    let worstSearch = 0;
    let worstHealth = 0;
    for (const c of cases()) {
      const searchTimes: number[] = [];
      const healthTimes: number[] = [];
      for (let r = 0; r < repeats; r += 1) {
        // The health request leaves right after the search, so it waits behind it if the search
        // holds the server's thread.
        const search = timed(() => api(c.method, c.endpoint, c.body));
        const meanwhile = timed(health);
        const [s, h] = await Promise.all([search, meanwhile]);
        searchTimes.push(s);
        healthTimes.push(h);
      }
      worstSearch = Math.max(worstSearch, ...searchTimes);
      worstHealth = Math.max(worstHealth, ...healthTimes);
      console.log(
        `${c.label.padEnd(44)}  ${ms(median(searchTimes)).padStart(13)}  ${ms(Math.max(...searchTimes))}  ${ms(median(healthTimes)).padStart(16)}  ${ms(Math.max(...healthTimes))}`,
      );
    }
    console.log(
      `worst search ${ms(worstSearch)} (goal < ${SEARCH_GOAL_MS} ms), worst health meanwhile ${ms(worstHealth)} (goal < ${HEALTH_GOAL_MS} ms); load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} on ${os.cpus().length} CPUs`,
    );
  } finally {
    child?.kill("SIGTERM");
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
