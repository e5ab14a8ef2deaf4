/**
 * What does a 100 MB request cost the server? Sends 100 MB bodies to a real `next start` (fresh
 * database, default limits) and prints, for each, the answer, how long it took, and the server
 * process's resident memory: current (VmRSS) and peak since start (VmHWM), from /proc (Linux).
 *
 *     npm run build && npm run bench:body-limits -- [megabytes=100]
 *
 * Each body is sent twice: with a Content-Length (what most clients send; refused before
 * reading) and chunked (no length; refused while reading). Asserts nothing.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { tempSqliteDatabase } from "../lib/server/db/testing";
import { startApp } from "../tests/reliability/server";

const megabytes = Number(process.argv[2] ?? 100);
const CHUNK = Buffer.alloc(64 * 1024, "x");

/** The process and its descendants (`next start` may serve from a child). */
function processTree(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children.push(...listed.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone.
  }
  return [pid, ...children.flatMap(processTree)];
}

/** VmRSS and VmHWM in MB of the tree's largest process (the one serving requests). */
function memory(pid: number): { rss: number; peak: number } {
  let best = { rss: 0, peak: 0 };
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
      const current = { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
      if (current.peak > best.peak) best = current;
    } catch {
      // The process is gone.
    }
  }
  return best;
}

/** Streams `prefix`, `bytes` of `x`, `suffix`; resolves with the answer as soon as it comes. */
function send(url: string, method: string, prefix: string, bytes: number, suffix: string, withLength: boolean): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const total = Buffer.byteLength(prefix) + bytes + Buffer.byteLength(suffix);
    const request = http.request(url, {
      method,
      headers: { "Content-Type": "application/json", ...(withLength ? { "Content-Length": String(total) } : { "Transfer-Encoding": "chunked" }) },
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: body.slice(0, 160), ms: Math.round(performance.now() - started) });
      });
    });
    // Once the server has answered it stops reading: writes after that may fail, as intended.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    let sent = 0;
    const pump = () => {
      while (!answered && sent < bytes) {
        const size = Math.min(CHUNK.byteLength, bytes - sent);
        sent += size;
        if (!request.write(size === CHUNK.byteLength ? CHUNK : CHUNK.subarray(0, size))) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end(suffix);
    };
    request.write(prefix);
    pump();
  });
}

async function main() {
  const database = tempSqliteDatabase();
  const artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-bench-artifacts-"));
  const { baseUrl, child } = await startApp({ databaseUrl: database.url, artifactsDir });
  try {
    const api = `${baseUrl}/api/2.0/mlflow`;
    const experiment = (await (await fetch(`${api}/experiments/create`, { method: "POST", body: JSON.stringify({ name: "bench" }) })).json()) as { experiment_id: string };
    const run = (await (await fetch(`${api}/runs/create`, { method: "POST", body: JSON.stringify({ experiment_id: experiment.experiment_id }) })).json()) as {
      run: { info: { run_id: string } };
    };
    const runId = run.run.info.run_id;
    const bytes = megabytes * 1_000_000;
    const cases = [
      { name: "runs/create", url: `${api}/runs/create`, method: "POST", prefix: `{"experiment_id":"${experiment.experiment_id}","run_name":"`, suffix: `"}` },
      { name: "runs/log-batch", url: `${api}/runs/log-batch`, method: "POST", prefix: `{"run_id":"${runId}","padding":"`, suffix: `"}` },
      { name: "artifact PUT", url: `${baseUrl}/api/2.0/mlflow-artifacts/artifacts/${experiment.experiment_id}/${runId}/artifacts/big.bin`, method: "PUT", prefix: "", suffix: "" },
    ];
    const before = memory(child.pid as number);
    console.log(`server after start: RSS ${before.rss.toFixed(0)} MB, peak ${before.peak.toFixed(0)} MB`);
    for (const c of cases) {
      for (const withLength of [true, false]) {
        const answer = await send(c.url, c.method, c.prefix, bytes, c.suffix, withLength);
        await new Promise((r) => setTimeout(r, 200));
        const after = memory(child.pid as number);
        console.log(
          `${c.name.padEnd(15)} ${megabytes} MB ${withLength ? "Content-Length" : "chunked       "} → ${answer.status} in ${answer.ms} ms; ` +
            `server RSS ${after.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB | ${answer.body}`,
        );
      }
    }
    const end = memory(child.pid as number);
    console.log(`server peak RSS over the whole bench: ${end.peak.toFixed(0)} MB (${(end.peak - before.peak).toFixed(0)} MB above its peak after start)`);
  } finally {
    child.kill("SIGTERM");
    await database.drop();
    rmSync(artifactsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
