/** The sweep on a fresh SQLite file, its clock moved by hand. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMlflowRequest } from "@/lib/server/api";
import { getArtifactStorage } from "@/lib/server/artifacts";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace, ensureWorkspace, touchWorkspace, workspaceExists } from "./index";
import { DEFAULT_EMPTY_WORKSPACE_DAYS, parseEmptyWorkspaceDays, sweepEmptyWorkspaces } from "./sweep";

const saved = { db: process.env.DATABASE_URL, artifacts: process.env.CUVEE_ARTIFACTS_DIR };
let database: TempDatabase;
let artifactsDir: string;
let db: Db;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  database = tempSqliteDatabase();
  artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-sweep-"));
  process.env.DATABASE_URL = database.url;
  process.env.CUVEE_ARTIFACTS_DIR = artifactsDir;
  db = await getDb();
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  rmSync(artifactsDir, { recursive: true, force: true });
  for (const [key, value] of [["DATABASE_URL", saved.db], ["CUVEE_ARTIFACTS_DIR", saved.artifacts]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function api(workspaceId: string, method: string, endpoint: string, body: unknown): Promise<any> {
  const request = new Request(`http://cuvee.test/w/${workspaceId}/api/2.0/mlflow/${endpoint}`, { method, body: JSON.stringify(body) });
  const response = await handleMlflowRequest(workspaceId, method, endpoint.split("/"), request);
  expect(response.status).toBe(200);
  return response.json();
}

// Hundreds of writes on a shared, busy machine: generous timeouts (nothing here measures time).
describe("sweepEmptyWorkspaces", { timeout: 60_000 }, () => {
  it("deletes only empty workspaces not seen for the configured days", async () => {
    const empty = (await createWorkspace()).id;
    const recent = (await createWorkspace()).id;
    const withExperiment = (await createWorkspace()).id;
    const withRun = (await createWorkspace()).id;
    const withModel = (await createWorkspace()).id;
    const withProgress = (await createWorkspace()).id;
    const withTag = (await createWorkspace()).id;
    const withArtifact = (await createWorkspace()).id;
    await ensureWorkspace("default");
    await api(withExperiment, "POST", "experiments/create", { name: "exp_wine_quality" });
    await api(withRun, "POST", "runs/create", { experiment_id: "0" });
    await api(withModel, "POST", "registered-models/create", { name: "wine" });
    await db.blocProgress.create({ data: { workspaceId: withProgress, bloc: 1 } });
    await api(withTag, "POST", "experiments/set-experiment-tag", { experiment_id: "0", key: "k", value: "v" });
    await getArtifactStorage(withArtifact).put("notes.txt", new TextEncoder().encode("hello"));
    expect(await workspaceExists(empty)).toBe(true); // now remembered in memory

    const later = new Date(Date.now() + (DEFAULT_EMPTY_WORKSPACE_DAYS + 1) * DAY);
    await touchWorkspace(recent, db, new Date(later.getTime() - 2 * DAY));

    expect(await sweepEmptyWorkspaces({ idleDays: DEFAULT_EMPTY_WORKSPACE_DAYS, now: new Date(later.getTime() - 2 * DAY) })).toBe(0);
    expect(await sweepEmptyWorkspaces({ idleDays: DEFAULT_EMPTY_WORKSPACE_DAYS, now: later })).toBe(1);

    expect(await workspaceExists(empty)).toBe(false);
    expect(await db.experiment.count({ where: { workspaceId: empty } })).toBe(0);
    for (const kept of [recent, withExperiment, withRun, withModel, withProgress, withTag, withArtifact, "default"]) {
      expect(await workspaceExists(kept), kept).toBe(true);
    }
  });

  it("deletes nothing with 0 days, and sweeps past a page of candidates", async () => {
    const ids = await Promise.all(Array.from({ length: 250 }, async () => (await createWorkspace()).id));
    const farLater = new Date(Date.now() + 1000 * DAY);
    expect(await sweepEmptyWorkspaces({ idleDays: 0, now: farLater })).toBe(0);
    const before = await db.workspace.count();
    // Every remaining empty one goes, whichever batch it falls in; the kept ones of the first test stay.
    const swept = await sweepEmptyWorkspaces({ idleDays: 1, now: farLater });
    expect(swept).toBeGreaterThanOrEqual(ids.length);
    expect(await db.workspace.count()).toBe(before - swept);
    expect(await db.workspace.count({ where: { id: { in: ids } } })).toBe(0);
  });
});

describe("touchWorkspace", () => {
  it("records the visit, at most once an hour", async () => {
    const id = (await createWorkspace()).id;
    const t0 = new Date(Date.now() + 5 * DAY);
    await touchWorkspace(id, db, t0);
    await touchWorkspace(id, db, new Date(t0.getTime() + 30 * 60 * 1000));
    expect((await db.workspace.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + 2 * 60 * 60 * 1000);
    await touchWorkspace(id, db, t1);
    expect((await db.workspace.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(t1);
  });
});

describe("parseEmptyWorkspaceDays", () => {
  it("defaults to a month, 0 turns the sweep off, nonsense is refused", () => {
    expect(parseEmptyWorkspaceDays(undefined)).toBe(30);
    expect(parseEmptyWorkspaceDays("0")).toBe(0);
    expect(parseEmptyWorkspaceDays("7")).toBe(7);
    expect(() => parseEmptyWorkspaceDays("a week")).toThrow(/CUVEE_EMPTY_WORKSPACE_DAYS/);
  });
});
