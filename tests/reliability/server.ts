/**
 * Starts the built app (`next start`) on a free port against a given database and artifact folder,
 * for every bench script (the integration tests use their global set-up, tests/integration/app-server.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface AppProcess {
  baseUrl: string;
  child: ChildProcess;
  /** The last lines the server printed. */
  log(): string;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** kill -9, and wait until the process is gone. */
  kill9(): Promise<void>;
}

export async function startApp({ databaseUrl, artifactsDir, port, env = {} }: { databaseUrl: string; artifactsDir: string; port?: number; env?: Record<string, string> }): Promise<AppProcess> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first.");
  const chosen = port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${chosen}`;
  let output = "";
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(chosen), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, CUVEE_ARTIFACTS_DIR: artifactsDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const app: AppProcess = {
    baseUrl,
    child,
    log: () => output,
    stop: async () => {
      if (gone()) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(timer);
    },
    kill9: async () => {
      if (gone()) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`next start exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/2.0/mlflow/experiments/get?experiment_id=0`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await app.kill9();
  throw new Error(`the app did not start within 120 s:\n${output}`);
}
