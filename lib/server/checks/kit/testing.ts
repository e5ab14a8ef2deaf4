/**
 * The harness of the tests beside each bloc's check (`content/blocs/NN-slug/check.test.ts`): a
 * real tracking store (a fresh SQLite file) and real artifact storage (a temporary folder), the
 * blocs' real starting code and solutions as the learner's code. Tracking state is written
 * through the store, as the REST API would; `npm run blocs:check` runs the solutions themselves
 * end to end. Call `checkHarness(check)` once at the top of a test file (with `{ code: true }`
 * when its tests read the blocs' code): it registers its own hooks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { CodeFiles } from "@/lib/course/code-files";
import { loadAllBlocs, type Bloc } from "@/lib/course/load";
import { getArtifactStorage, storagePathOfArtifactUri } from "@/lib/server/artifacts";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import type { Run } from "@/lib/server/tracking/entities";
import { PrismaTrackingStore } from "@/lib/server/tracking/prisma/store";
import type { TrackingStore } from "@/lib/server/tracking/store";
import { createWorkspace } from "@/lib/server/workspaces";
import type { BlocCheck, CheckContext, CheckVerdict } from "./check";

export interface RunData {
  params?: Record<string, string>;
  metrics?: Record<string, number>;
  tags?: Record<string, string>;
  status?: Run["info"]["status"];
}

export interface CheckHarness {
  /** A new, empty workspace's tracking store. */
  newStore(): Promise<TrackingStore>;
  /** A written bloc's starting code or solution. */
  code(bloc: number, which: "start" | "solution"): Promise<CodeFiles>;
  /**
   * Asks the bloc's check, with no output and no code unless given. The runs of "the last
   * execution" (`runIds`) are, unless given, the runs `logRun` logged in a row in that store
   * before this verdict: a `logRun` after a verdict starts a new execution, and verdicts with no
   * `logRun` between them judge the same one again (as Vérifier twice on the page does).
   */
  verdict(context: Partial<CheckContext> & { tracking: TrackingStore }): Promise<CheckVerdict>;
  /** A run as a script would leave it: params, metrics, tags, then FINISHED (or another status); part of the next verdict's execution. */
  logRun(store: TrackingStore, experimentId: string, data?: RunData): Promise<Run>;
  /** Stores a text file among the run's artifacts. */
  putArtifact(store: TrackingStore, run: Run, artifactPath: string, text: string): Promise<void>;
}

export interface CheckHarnessOptions {
  /**
   * The tests read the blocs' code (`code()`): the course is loaded before them, once (loading
   * validates every lesson, which takes seconds on a busy machine).
   */
  code?: boolean;
}

/** The harness of one bloc's check tests. */
export function checkHarness(check: BlocCheck, options: CheckHarnessOptions = {}): CheckHarness {
  const saved = { database: process.env.DATABASE_URL, artifacts: process.env.CUVEE_ARTIFACTS_DIR };
  let database: TempDatabase;
  let artifactsDir: string;
  let db: Db;
  let blocs: Promise<Map<number, Bloc>> | undefined;
  const loadBlocs = () => (blocs ??= loadAllBlocs().then((all) => new Map(all.map((loaded) => [loaded.frontmatter.bloc, loaded]))));
  let clock = Date.now() - 60_000;
  /** Per workspace: the runs of its last execution, and whether a verdict has judged it yet. */
  const executions = new Map<string, { runIds: string[]; judged: boolean }>();

  // Migrating a fresh database and validating every lesson take a few seconds on a busy machine.
  beforeAll(async () => {
    database = tempSqliteDatabase();
    artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-artifacts-"));
    process.env.DATABASE_URL = database.url;
    process.env.CUVEE_ARTIFACTS_DIR = artifactsDir;
    db = await getDb();
    // The first writes warm the database up (its writer thread, the queries): paid here, under
    // the hook's timeout, rather than in the first test's.
    await new PrismaTrackingStore(db, (await createWorkspace(db)).id).createExperiment({ name: "warm-up" });
    if (options.code) await loadBlocs();
  }, 60_000);

  afterAll(async () => {
    await closeDb();
    await database.drop();
    rmSync(artifactsDir, { recursive: true, force: true });
    for (const [key, value] of [["DATABASE_URL", saved.database], ["CUVEE_ARTIFACTS_DIR", saved.artifacts]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  return {
    async newStore() {
      return new PrismaTrackingStore(db, (await createWorkspace(db)).id);
    },

    async code(bloc, which) {
      const loaded = (await loadBlocs()).get(bloc);
      if (!loaded) throw new Error(`bloc ${bloc} is not written`);
      return which === "start" ? loaded.startFiles : loaded.solutionFiles;
    },

    verdict(context) {
      const execution = executions.get(context.tracking.workspaceId) ?? { runIds: [], judged: true };
      execution.judged = true;
      executions.set(context.tracking.workspaceId, execution);
      const runIds = context.runIds ?? execution.runIds;
      return check({ output: "", code: {}, ...context, runIds });
    },

    async logRun(store, experimentId, data = {}) {
      const startTime = (clock += 1000);
      const run = await store.createRun({ experimentId, startTime });
      await store.logBatch(run.info.runId, {
        params: Object.entries(data.params ?? {}).map(([key, value]) => ({ key, value })),
        metrics: Object.entries(data.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: startTime })),
        tags: Object.entries(data.tags ?? {}).map(([key, value]) => ({ key, value })),
      });
      await store.updateRun(run.info.runId, { status: data.status ?? "FINISHED", endTime: startTime + 500 });
      const execution = executions.get(store.workspaceId);
      if (!execution || execution.judged) executions.set(store.workspaceId, { runIds: [run.info.runId], judged: false });
      else execution.runIds.push(run.info.runId);
      return store.getRun(run.info.runId);
    },

    async putArtifact(store, run, artifactPath, text) {
      const root = storagePathOfArtifactUri(run.info.artifactUri)!;
      await getArtifactStorage(store.workspaceId).put(`${root}/${artifactPath}`, new TextEncoder().encode(text));
    },
  };
}
