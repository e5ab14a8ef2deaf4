/**
 * A class at once: N learners, each in their own workspace with their lesson tab open, run
 * bloc 13 five times (1–3 s of thinking before each run) against one production server.
 *
 *     npm run bench:class -- [50,100,200] [--panel=push|poll] [--idle-tab] [--idle-seconds=60]
 *
 * The server is `next start` on a fresh SQLite database (BENCH_DATABASE=postgresql under
 * scripts/with-postgres.sh for PostgreSQL), started once for all N. Each learner gets a workspace
 * the way a browser does (GET /api/cuvee/session, the cookie of its 303); their requests are
 * bloc 13's solution as the SDK sent them (recorded once through a proxy, bench/class/recording.ts)
 * with their own ids; their tab's panel is a strategy of bench/class/panel.ts (`push`, the
 * default: the page's own reading policy on the change feed; `poll`: the polling panel of
 * before, the baseline).
 * Prints per N: requests/s, failures by status and code, p50/p95/p99/max of the learners'
 * writes, their reads and the panel's requests, the server's CPU (process CPU time / wall, and
 * its main thread's) and memory (RSS), and where the time goes per endpoint (the server's own
 * time from Server-Timing, of which waiting for SQLite's writer). `--idle-tab` first measures
 * what one open tab sends when nothing runs. Asserts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../lib/server/db/migrate";
import { resolveDbConfig } from "../lib/server/db/config";
import { tempDatabaseFor } from "../lib/server/db/testing";
import { WORKSPACE_COOKIE } from "../lib/server/session/cookie";
import { startApp, type AppProcess } from "../tests/reliability/server";
import { leanFetch, type Sample } from "./class/lean-fetch";
import { streamCounts } from "./class/change-stream-node";
import { PANEL_STRATEGIES, type PanelStrategy } from "./class/panel";
import { recordBloc13, type Recording } from "./class/recording";
import { Replayer } from "./class/replay";
import { usage } from "./class/process-usage";
import { errorSummary, isFailure, latencyLine, whereTimeGoes } from "./class/stats";

const RUNS_PER_LEARNER = 5;
const THINK_MS = { min: 1_000, max: 3_000 };

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const sizes = (args.find((a) => /^\d+(,\d+)*$/.test(a)) ?? "50,100,200").split(",").map(Number);
const strategyName = flag("panel") ?? "push";
const idleTab = args.includes("--idle-tab");
const idleSeconds = Number(flag("idle-seconds") ?? 60);
const provider = process.env.BENCH_DATABASE ?? "sqlite";

const samples: Sample[] = [];
globalThis.fetch = leanFetch((sample) => samples.push(sample));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const think = () => sleep(THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min));

/** A workspace as a browser gets one: the session route's 303 sets the workspace cookie. */
async function openWorkspace(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/cuvee/session?next=/cours`, { redirect: "manual" });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${WORKSPACE_COOKIE}=`));
  const id = cookie?.slice(WORKSPACE_COOKIE.length + 1).split(";")[0];
  if (!id) throw new Error(`no workspace from /api/cuvee/session (HTTP ${response.status})`);
  return decodeURIComponent(id);
}

/** One learner: tab open from the start, five executions of bloc 13, tab closed at the end. */
async function learner(app: AppProcess, recording: Recording, strategy: PanelStrategy): Promise<{ ok: number; attempted: number }> {
  const workspaceId = await openWorkspace(app.baseUrl);
  const panel = strategy(`${app.baseUrl}/w/${workspaceId}`);
  const replayer = new Replayer(app.baseUrl, recording.workspaceId, workspaceId);
  let ok = 0;
  try {
    for (let run = 0; run < RUNS_PER_LEARNER; run += 1) {
      await think();
      const failures = await replayer.replay(run === 0 ? recording.first : recording.later).catch(() => [0]);
      if (failures.length === 0) ok += 1;
      panel.codeEnded();
    }
  } finally {
    await panel.close();
  }
  return { ok, attempted: RUNS_PER_LEARNER };
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

/** The learners' writes, their reads (the SDK's GETs) and their panels' requests, apart. */
function byCategory(window: readonly Sample[]) {
  return {
    writes: window.filter((s) => s.category === "write"),
    learnerReads: window.filter((s) => s.category === "learner read"),
    panel: window.filter((s) => s.category === "panel"),
  };
}

async function measureIdleTab(app: AppProcess, strategy: PanelStrategy): Promise<void> {
  const workspaceId = await openWorkspace(app.baseUrl);
  const from = samples.length;
  const streamsBefore = streamCounts.opened;
  const started = performance.now();
  const panel = strategy(`${app.baseUrl}/w/${workspaceId}`);
  await sleep(idleSeconds * 1000);
  await panel.close();
  const seconds = (performance.now() - started) / 1000;
  const sent = samples.length - from;
  // The issue counts a held stream as one request.
  const streams = streamCounts.opened - streamsBefore;
  console.log(
    `idle tab (${strategyName}): ${sent} requests + ${streams} stream(s) in ${seconds.toFixed(1)} s = ${((sent + streams) / seconds).toFixed(3)} requests/s`,
  );
}

async function measureClass(app: AppProcess, recording: Recording, strategy: PanelStrategy, n: number): Promise<void> {
  const pid = app.child.pid ?? 0;
  const from = samples.length;
  const before = usage(pid);
  const started = performance.now();
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, usage(pid).rss)), 1_000);
  const results = await Promise.all(Array.from({ length: n }, () => learner(app, recording, strategy)));
  clearInterval(sampler);
  const wall = (performance.now() - started) / 1000;
  const after = usage(pid);
  const window = samples.slice(from);
  const streams = { ...streamCounts };
  const { writes, learnerReads, panel } = byCategory(window);
  const ok = results.reduce((sum, r) => sum + r.ok, 0);
  const attempted = results.reduce((sum, r) => sum + r.attempted, 0);
  console.log(`\n== ${n} learners (${strategyName} panel): ${wall.toFixed(1)} s, load ${load()}`);
  console.log(`requests ${window.length} = ${(window.length / wall).toFixed(0)}/s; runs ok ${ok} / ${attempted}; failures ${errorSummary(window)} (${window.filter(isFailure).length})`);
  if (streams.opened + streams.refused + streams.failed > 0) {
    console.log(`change streams so far: ${streams.opened} opened, ${streams.refused} refused, ${streams.failed} failed`);
  }
  console.log(latencyLine("writes", writes.map((s) => s.ms)));
  console.log(latencyLine("learner reads", learnerReads.map((s) => s.ms)));
  console.log(latencyLine("panel", panel.map((s) => s.ms)));
  console.log(
    `server CPU ${pct(after.cpu - before.cpu, wall)} of one core (main thread ${pct(after.mainThread - before.mainThread, wall)}), ` +
      `RSS ${mb(after.rss)} (peak ${mb(peakRss)})`,
  );
  console.log("where the time goes (client latency; the server's handler time; of which waiting for SQLite's writer):");
  for (const line of whereTimeGoes(window)) console.log(line);
}

async function main(): Promise<void> {
  const strategy = PANEL_STRATEGIES[strategyName];
  if (!strategy) throw new Error(`--panel must be one of ${Object.keys(PANEL_STRATEGIES).join(", ")}`);
  const database = await tempDatabaseFor(provider);
  const artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-class-artifacts-"));
  let app: AppProcess | undefined;
  try {
    await migrate(resolveDbConfig(database.url));
    app = await startApp({
      databaseUrl: database.url,
      artifactsDir,
      port: process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined,
      // A class behind one address (a school's NAT) opens more workspaces than the per-address default.
      env: { CUVEE_WORKSPACES_PER_HOUR: "0" },
    });
    console.log(`${provider}, ${os.cpus().length} CPUs, load ${load()}; recording bloc 13's solution through the SDK…`);
    const recording = await recordBloc13(app.baseUrl, await openWorkspace(app.baseUrl));
    console.log(`bloc 13: ${recording.first.length} requests on a first run, ${recording.later.length} on later ones: ${recording.later.map((r) => `${r.method} ${r.path.split("?")[0]}`).join(", ")}`);
    samples.length = 0;
    if (idleTab) await measureIdleTab(app, strategy);
    for (const n of sizes) await measureClass(app, recording, strategy, n);
  } finally {
    await app?.stop();
    await database.drop();
    rmSync(artifactsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
