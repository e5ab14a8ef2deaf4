/**
 * Starts the real app (`next start`, from the build `npm run build` made) on a free port and a
 * fresh database, waits until the MLflow API answers, and hands tests its base URL and
 * DATABASE_URL through vitest's provide/inject. Stops it and deletes the database afterwards.
 *
 * The database is a fresh SQLite file, or, with `CUVEE_INTEGRATION_DATABASE=postgresql`, a fresh
 * database created on the PostgreSQL server of `CUVEE_TEST_POSTGRES_URL` (scripts/with-postgres.sh
 * starts one; `npm run test:integration:postgres` runs this suite that way). Artifacts go to a
 * temporary directory (`CUVEE_ARTIFACTS_DIR`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { tempPostgresDatabase } from "../../lib/server/db/testing";

declare module "vitest" {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The server's DATABASE_URL, for tests that prepare data directly (workspaces). */
    databaseUrl: string;
    /** The server's CUVEE_ARTIFACTS_DIR. */
    artifactsDir: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 90_000;
const LOG_TAIL_CHARS = 4000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  // The Default experiment answering proves routing, migrations and the database all work.
  const probe = `${baseUrl}/api/2.0/mlflow/experiments/get?experiment_id=0`;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(probe, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become ready within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}):\n${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function testDatabase(dataDir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const choice = process.env.CUVEE_INTEGRATION_DATABASE ?? "sqlite";
  if (choice === "sqlite") return { url: `file:${path.join(dataDir, "test.db")}`, drop: async () => {} };
  if (choice !== "postgresql") throw new Error(`CUVEE_INTEGRATION_DATABASE must be sqlite or postgresql, got "${choice}"`);
  const serverUrl = process.env.CUVEE_TEST_POSTGRES_URL;
  if (!serverUrl) {
    throw new Error("CUVEE_INTEGRATION_DATABASE=postgresql needs CUVEE_TEST_POSTGRES_URL (run under scripts/with-postgres.sh)");
  }
  return tempPostgresDatabase(serverUrl);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("Integration tests run against the built app, and there is no build: run `npm run build` first.");
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-it-"));
  const database = await testDatabase(dataDir);
  const databaseUrl = database.url;
  const artifactsDir = path.join(dataDir, "artifacts");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  let output = "";
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, CUVEE_ARTIFACTS_DIR: artifactsDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-LOG_TAIL_CHARS);
    // An INTERNAL_ERROR answer is logged by the server with its cause: show it beside the failing test.
    if (text.includes("unexpected error")) process.stderr.write(`[server] ${text}`);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const teardown = async () => {
    await stop(child);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, () => output);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("artifactsDir", artifactsDir);
  return teardown;
}
