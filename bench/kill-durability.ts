/**
 * Durability under kill -9 (issue #14): what the server acknowledged is on disk.
 *
 *     npm run build && npm run bench:durability -- [--rounds 3] [--writers 8]
 *
 * Each round: `next start` on a fresh SQLite file; writers log metric points (log-batch of 50,
 * and single log-metric calls) into runs of their own, and remember every point the server
 * answered 200 for; after a random 1–4 s of that stream the server gets SIGKILL. Then a restart
 * on the same file: every acknowledged point must come back through the API (get-history), and,
 * once the server is stopped, be in the file, which `PRAGMA integrity_check` must find "ok".
 * Points in flight at the kill may or may not be stored (they were never acknowledged); they are
 * counted apart. Prints the figures; exits 1 on any lost point or a damaged file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { tempSqliteDatabase } from "../lib/server/db/testing";
import { rawClient } from "../tests/reliability/http";
import { startApp } from "../tests/reliability/server";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" }, writers: { type: "string", default: "8" } } });
const ROUNDS = Number(values.rounds);
const WRITERS = Number(values.writers);
const BATCH = 50;
const API = "/api/2.0/mlflow";

interface RoundResult {
  round: number;
  killedAfterMs: number;
  acknowledged: number;
  stored: number;
  lostAfterRestart: number;
  lostInFile: number;
  inFlightStored: number;
  integrity: string;
}

async function round(n: number): Promise<RoundResult> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "cuvee-bench-durability-"));
  const database = tempSqliteDatabase();
  const artifactsDir = path.join(scratch, "artifacts");
  try {
    const app = await startApp({ databaseUrl: database.url, artifactsDir });
    const client = rawClient(app.baseUrl, { timeoutMs: 60_000, maxSockets: WRITERS });
    const { experiment_id: experimentId } = await client.json("POST", `${API}/experiments/create`, { name: `durability-${n}` });
    const runIds: string[] = [];
    for (let w = 0; w < WRITERS; w += 1) runIds.push((await client.json("POST", `${API}/runs/create`, { experiment_id: experimentId })).run.info.run_id);

    /** Per writer, the steps the server acknowledged. */
    const acknowledged = runIds.map(() => new Set<number>());
    let killed = false;
    const writer = async (w: number) => {
      let step = 0;
      while (!killed) {
        const single = step % 500 === 0;
        const steps = single ? [step] : Array.from({ length: BATCH }, (_, i) => step + i);
        const body = single
          ? { run_id: runIds[w], key: "points", value: step, timestamp: 1_700_000_000_000 + step, step }
          : { run_id: runIds[w], metrics: steps.map((s) => ({ key: "points", value: s, timestamp: 1_700_000_000_000 + s, step: s })) };
        step += steps.length;
        const response = await client.send("POST", `${API}/runs/${single ? "log-metric" : "log-batch"}`, { "Content-Type": "application/json" }, new TextEncoder().encode(JSON.stringify(body)));
        if (response.status === 200) for (const s of steps) acknowledged[w]!.add(s);
        else if (!killed) throw new Error(`writer ${w}: HTTP ${response.status} ${response.error ?? response.body.toString("utf8").slice(0, 200)}`);
      }
    };
    const writing = Promise.all(runIds.map((_, w) => writer(w)));
    const killedAfterMs = 1000 + Math.floor(Math.random() * 3000);
    await new Promise((r) => setTimeout(r, killedAfterMs));
    killed = true;
    await app.kill9();
    await writing;
    client.close();

    // Restart on the same file: the acknowledged points come back through the API.
    const restarted = await startApp({ databaseUrl: database.url, artifactsDir });
    const reader = rawClient(restarted.baseUrl, { timeoutMs: 120_000 });
    let lostAfterRestart = 0;
    let stored = 0;
    let inFlightStored = 0;
    for (const [w, runId] of runIds.entries()) {
      const { metrics = [] } = await reader.json("GET", `${API}/metrics/get-history?run_id=${runId}&metric_key=points`);
      const steps = new Set<number>(metrics.map((m: { step: number | string }) => Number(m.step)));
      stored += steps.size;
      for (const s of acknowledged[w]!) if (!steps.has(s)) lostAfterRestart += 1;
      for (const s of steps) if (!acknowledged[w]!.has(s)) inFlightStored += 1;
    }
    reader.close();
    await restarted.stop();

    // The file itself, with the server stopped.
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(database.file, { readonly: true });
    const integrity = (db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    let lostInFile = 0;
    const select = db.prepare(`SELECT "step" FROM "Metric" WHERE "runId" = ? AND "key" = 'points'`);
    for (const [w, runId] of runIds.entries()) {
      const steps = new Set((select.all(runId) as { step: number | bigint }[]).map((r) => Number(r.step)));
      for (const s of acknowledged[w]!) if (!steps.has(s)) lostInFile += 1;
    }
    db.close();
    const total = acknowledged.reduce((sum, set) => sum + set.size, 0);
    return { round: n, killedAfterMs, acknowledged: total, stored, lostAfterRestart, lostInFile, inFlightStored, integrity };
  } finally {
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`kill -9 durability: ${ROUNDS} rounds, ${WRITERS} writers (log-batch of ${BATCH} and single log-metric), SQLite`);
  console.log("round  killed after  acknowledged  stored  in-flight stored  lost (API)  lost (file)  integrity_check");
  let failed = false;
  for (let n = 1; n <= ROUNDS; n += 1) {
    const r = await round(n);
    console.log(
      `${String(r.round).padStart(5)}  ${`${(r.killedAfterMs / 1000).toFixed(1)} s`.padStart(12)}  ${String(r.acknowledged).padStart(12)}  ${String(r.stored).padStart(6)}  ${String(r.inFlightStored).padStart(16)}  ${String(r.lostAfterRestart).padStart(10)}  ${String(r.lostInFile).padStart(11)}  ${r.integrity}`,
    );
    if (r.lostAfterRestart > 0 || r.lostInFile > 0 || r.integrity !== "ok") failed = true;
  }
  console.log(failed ? "FAILED: acknowledged points lost or a damaged file" : "ok: 0 acknowledged points lost, integrity_check ok in every round");
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
