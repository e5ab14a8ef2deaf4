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
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { tempPostgresDatabase } from "../../lib/server/db/testing";
import { startApp, type AppServer } from "./app-server";

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

  let app: AppServer;
  try {
    app = await startApp({
      env: { DATABASE_URL: databaseUrl, CUVEE_ARTIFACTS_DIR: artifactsDir },
      // The Default experiment answering proves routing, migrations and the database all work.
      readyPath: "/api/2.0/mlflow/experiments/get?experiment_id=0",
    });
  } catch (error) {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = app.baseUrl;
  const teardown = async () => {
    await app.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("artifactsDir", artifactsDir);
  return teardown;
}
