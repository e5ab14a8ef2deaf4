/**
 * Store contract tests on a real database: a fresh SQLite file, and a fresh PostgreSQL database
 * too when CUVEE_TEST_POSTGRES_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempPostgresDatabase, tempSqliteDatabase, testPostgresUrl, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace, ensureWorkspace } from "@/lib/server/workspaces";
import { TrackingError } from "@/lib/tracking/protocol";
import { PrismaTrackingStore } from "./prisma/store";
import type { TrackingStore } from "./store";

const backends: [string, () => Promise<TempDatabase>][] = [
  ["SQLite", () => Promise.resolve(tempSqliteDatabase())],
  ...(testPostgresUrl ? ([["PostgreSQL", () => tempPostgresDatabase()]] as [string, () => Promise<TempDatabase>][]) : []),
];

/** The error a promise rejects with, checked to be a TrackingError. */
async function trackingError(promise: Promise<unknown>): Promise<TrackingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrackingError);
  return error as TrackingError;
}

describe.each(backends)("PrismaTrackingStore on %s", (_name, makeDatabase) => {
  const savedUrl = process.env.DATABASE_URL;
  let database: TempDatabase;
  let db: Db;
  let store: TrackingStore;
  let other: TrackingStore;

  beforeAll(async () => {
    database = await makeDatabase();
    process.env.DATABASE_URL = database.url;
    db = await getDb();
    store = new PrismaTrackingStore(db, (await createWorkspace(db)).id);
    other = new PrismaTrackingStore(db, (await createWorkspace(db)).id);
  });

  afterAll(async () => {
    await closeDb();
    await database.drop();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });

  describe("workspaces", () => {
    it("gives every new workspace MLflow's Default experiment, id 0", async () => {
      const experiment = await store.getExperiment("0");
      expect(experiment).toMatchObject({
        experimentId: "0",
        name: "Default",
        artifactLocation: "mlflow-artifacts:/0",
        lifecycleStage: "active",
      });
    });

    it("ensureWorkspace is idempotent and creates the Default experiment once", async () => {
      const [a, b] = await Promise.all([ensureWorkspace("fixture-ws", db), ensureWorkspace("fixture-ws", db)]);
      expect(a.id).toBe("fixture-ws");
      expect(b.id).toBe("fixture-ws");
      const fixture = new PrismaTrackingStore(db, "fixture-ws");
      expect((await fixture.searchExperiments()).items.map((e) => e.name)).toEqual(["Default"]);
      await expect(ensureWorkspace("../etc", db)).rejects.toThrow(/Invalid workspace id/);
    });
  });

  describe("experiments", () => {
    it("creates experiments numbered from 1, and reads them by id and by name", async () => {
      const id = await store.createExperiment({ name: "exp_wine_quality", tags: [{ key: "team", value: "vin" }] });
      expect(id).toBe("1");
      const experiment = await store.getExperiment(id);
      expect(experiment).toMatchObject({
        experimentId: "1",
        name: "exp_wine_quality",
        artifactLocation: "mlflow-artifacts:/1",
        lifecycleStage: "active",
        tags: [{ key: "team", value: "vin" }],
      });
      expect(experiment.creationTime).toBeGreaterThan(1_600_000_000_000);
      expect(await store.getExperimentByName("exp_wine_quality")).toEqual(experiment);
      expect(await store.getExperimentByName("nope")).toBeNull();
    });

    it("refuses a duplicate name with RESOURCE_ALREADY_EXISTS", async () => {
      await store.createExperiment({ name: "dup" });
      const error = await trackingError(store.createExperiment({ name: "dup" }));
      expect(error.errorCode).toBe("RESOURCE_ALREADY_EXISTS");
      expect(error.message).toBe("Experiment(name=dup) already exists.");
    });

    it("validates names as MLflow does", async () => {
      expect((await trackingError(store.createExperiment({ name: "" }))).message).toBe("Invalid experiment name: ''");
      const long = await trackingError(store.createExperiment({ name: "x".repeat(501) }));
      expect(long.errorCode).toBe("INVALID_PARAMETER_VALUE");
      expect(long.message).toBe("Experiment name exceeds the maximum length of 500 characters");
    });

    it("answers RESOURCE_DOES_NOT_EXIST for unknown and malformed ids", async () => {
      // 2147483648 is past an Int column: PostgreSQL would refuse the query itself (a 500).
      for (const id of ["999", "abc", "-1", "", "2147483648", "999999999999999"]) {
        const error = await trackingError(store.getExperiment(id));
        expect(error.errorCode).toBe("RESOURCE_DOES_NOT_EXIST");
        expect(error.message).toBe(`No Experiment with id=${id} exists`);
      }
    });

    it("keeps workspaces apart", async () => {
      const id = await store.createExperiment({ name: "private" });
      await expect(other.getExperiment(id)).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
      expect(await other.getExperimentByName("private")).toBeNull();
      // The same name is free in another workspace.
      expect(await other.createExperiment({ name: "private" })).toBe("1");
    });

    it("searches by name (=, LIKE, ILIKE), tag, view type, with order and pages", async () => {
      const ws = new PrismaTrackingStore(db, (await createWorkspace(db)).id);
      await ws.createExperiment({ name: "alpha", tags: [{ key: "k", value: "v1" }] });
      await ws.createExperiment({ name: "beta" });
      await ws.createExperiment({ name: "Alpine" });
      const deletedId = await ws.createExperiment({ name: "gone" });
      await db.experiment.updateMany({
        where: { workspaceId: ws.workspaceId, number: Number(deletedId) },
        data: { lifecycleStage: "deleted" },
      });

      const names = async (query: Parameters<TrackingStore["searchExperiments"]>[0]) =>
        (await ws.searchExperiments(query)).items.map((e) => e.name);

      expect(await names({ filter: "name = 'beta'" })).toEqual(["beta"]);
      expect(await names({ filter: "name LIKE 'Al%'" })).toEqual(["Alpine"]);
      expect((await names({ filter: "name ILIKE 'al%'" })).sort()).toEqual(["Alpine", "alpha"]);
      expect(await names({ filter: "tags.k = 'v1'" })).toEqual(["alpha"]);
      expect(await names({ filter: "name = 'gone'" })).toEqual([]);
      expect(await names({ filter: "name = 'gone'", viewType: "ALL" })).toEqual(["gone"]);
      expect(await names({ viewType: "DELETED_ONLY" })).toEqual(["gone"]);
      expect(await names({ orderBy: ["name ASC"] })).toEqual(["Alpine", "Default", "alpha", "beta"]);
      // Default order: creation_time DESC, then experiment_id: the newest first.
      expect(await names({ orderBy: ["experiment_id DESC"] })).toEqual(["Alpine", "beta", "alpha", "Default"]);

      const first = await ws.searchExperiments({ orderBy: ["name"], maxResults: 3 });
      expect(first.items.map((e) => e.name)).toEqual(["Alpine", "Default", "alpha"]);
      expect(first.nextPageToken).toBeTruthy();
      const second = await ws.searchExperiments({ orderBy: ["name"], maxResults: 3, pageToken: first.nextPageToken });
      expect(second.items.map((e) => e.name)).toEqual(["beta"]);
      expect(second.nextPageToken).toBeNull();

      await expect(ws.searchExperiments({ filter: "name = beta" })).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
      await expect(ws.searchExperiments({ maxResults: 0 })).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
      await expect(ws.searchExperiments({ pageToken: "garbage" })).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
    });
  });

  describe("runs", () => {
    it("creates a run in Default by default, with a random MLflow-like name mirrored in mlflow.runName", async () => {
      const run = await store.createRun({ startTime: 1_700_000_000_000 });
      expect(run.info).toMatchObject({
        experimentId: "0",
        status: "RUNNING",
        startTime: 1_700_000_000_000,
        endTime: null,
        lifecycleStage: "active",
        userId: "",
      });
      expect(run.info.runId).toMatch(/^[0-9a-f]{32}$/);
      expect(run.info.artifactUri).toBe(`mlflow-artifacts:/0/${run.info.runId}/artifacts`);
      expect(run.info.runName).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
      expect(run.data.tags).toEqual([{ key: "mlflow.runName", value: run.info.runName }]);
      expect(await store.getRun(run.info.runId)).toEqual(run);
    });

    it("takes the name from run_name or from the mlflow.runName tag, and refuses a mismatch", async () => {
      const named = await store.createRun({ runName: "first" });
      expect(named.data.tags).toContainEqual({ key: "mlflow.runName", value: "first" });
      const tagged = await store.createRun({ tags: [{ key: "mlflow.runName", value: "from-tag" }] });
      expect(tagged.info.runName).toBe("from-tag");
      const error = await trackingError(store.createRun({ runName: "a", tags: [{ key: "mlflow.runName", value: "b" }] }));
      expect(error.message).toContain("Both 'run_name' argument and 'mlflow.runName' tag are specified");
    });

    it("refuses runs in unknown or deleted experiments", async () => {
      expect((await trackingError(store.createRun({ experimentId: "424242" }))).errorCode).toBe("RESOURCE_DOES_NOT_EXIST");
      const id = await store.createExperiment({ name: "to-delete" });
      await db.experiment.updateMany({ where: { workspaceId: store.workspaceId, number: Number(id) }, data: { lifecycleStage: "deleted" } });
      const error = await trackingError(store.createRun({ experimentId: id }));
      expect(error.errorCode).toBe("INVALID_PARAMETER_VALUE");
      expect(error.message).toBe(`The experiment ${id} must be in the 'active' state. Current state is deleted.`);
    });

    it("updates status, end time and name (tag kept in sync)", async () => {
      const run = await store.createRun({ runName: "before" });
      const info = await store.updateRun(run.info.runId, { status: "FINISHED", endTime: 1_800_000_000_000, runName: "after" });
      expect(info).toMatchObject({ status: "FINISHED", endTime: 1_800_000_000_000, runName: "after" });
      expect((await store.getRun(run.info.runId)).data.tags).toContainEqual({ key: "mlflow.runName", value: "after" });
      await store.setTag(run.info.runId, { key: "mlflow.runName", value: "renamed-by-tag" });
      expect((await store.getRun(run.info.runId)).info.runName).toBe("renamed-by-tag");
    });

    it("hides runs of other workspaces", async () => {
      const run = await store.createRun();
      await expect(other.getRun(run.info.runId)).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
      await expect(other.logMetric(run.info.runId, { key: "m", value: 1, timestamp: 1 })).rejects.toMatchObject({
        errorCode: "RESOURCE_DOES_NOT_EXIST",
        message: `Run with id=${run.info.runId} not found`,
      });
      await expect(other.updateRun(run.info.runId, { status: "KILLED" })).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
    });
  });

  describe("logging", () => {
    it("keeps a param once set: the same value again is fine, another is INVALID_PARAMETER_VALUE", async () => {
      const { info } = await store.createRun();
      await store.logParam(info.runId, { key: "alpha", value: "0.5" });
      await store.logParam(info.runId, { key: "alpha", value: "0.5" });
      const single = await trackingError(store.logParam(info.runId, { key: "alpha", value: "0.7" }));
      expect(single.errorCode).toBe("INVALID_PARAMETER_VALUE");
      expect(single.message).toBe(
        `Changing param values is not allowed. Param with key='alpha' was already logged with value='0.5' for run ID='${info.runId}'. Attempted logging new value '0.7'.`,
      );
      const batch = await trackingError(store.logBatch(info.runId, { params: [{ key: "alpha", value: "1" }] }));
      expect(batch.message).toBe(
        `Changing param values is not allowed. Params were already logged='[{'key': 'alpha', 'old_value': '0.5', 'new_value': '1'}]' for run ID='${info.runId}'.`,
      );
      expect((await store.getRun(info.runId)).data.params).toEqual([{ key: "alpha", value: "0.5" }]);
    });

    it("appends metric history and keeps the latest by (step, timestamp, value)", async () => {
      const { info } = await store.createRun();
      await store.logMetric(info.runId, { key: "rmse", value: 0.9, timestamp: 100, step: 2 });
      await store.logMetric(info.runId, { key: "rmse", value: 0.5, timestamp: 200, step: 1 });
      await store.logMetric(info.runId, { key: "rmse", value: 0.9, timestamp: 100, step: 2 }); // duplicate: ignored
      expect((await store.getRun(info.runId)).data.metrics).toEqual([{ key: "rmse", value: 0.9, timestamp: 100, step: 2 }]);
      await store.logBatch(info.runId, {
        metrics: [
          { key: "rmse", value: 0.4, timestamp: 300, step: 3 },
          { key: "rmse", value: 0.3, timestamp: 300, step: 3 },
          { key: "mae", value: Number.NaN, timestamp: 300 },
          { key: "big", value: Infinity, timestamp: 300 },
        ],
      });
      const metrics = (await store.getRun(info.runId)).data.metrics;
      expect(metrics).toEqual([
        { key: "big", value: Infinity, timestamp: 300, step: 0 },
        { key: "mae", value: Number.NaN, timestamp: 300, step: 0 },
        { key: "rmse", value: 0.4, timestamp: 300, step: 3 },
      ]);
      expect(await db.metric.count({ where: { runId: info.runId, key: "rmse" } })).toBe(4);
    });

    it("keeps the latest value right when batches arrive at once and out of order, with or without params", async () => {
      const { info } = await store.createRun();
      const batch = (first: number) => Array.from({ length: 50 }, (_, i) => ({ key: `m${i % 5}`, value: first + i, timestamp: 1, step: first + i }));
      await Promise.all([
        store.logBatch(info.runId, { metrics: batch(100) }),
        store.logBatch(info.runId, { metrics: batch(300), params: [{ key: "p", value: "1" }] }),
        store.logBatch(info.runId, { metrics: batch(200), tags: [{ key: "t", value: "1" }] }),
        store.logBatch(info.runId, { metrics: batch(0) }),
      ]);
      const latest = (await store.getRun(info.runId)).data.metrics;
      expect(latest).toEqual([0, 1, 2, 3, 4].map((k) => ({ key: `m${k}`, value: 345 + k, timestamp: 1, step: 345 + k })));
      expect(await db.metric.count({ where: { runId: info.runId } })).toBe(200);
      // A batch whose every point was logged before writes nothing, and is accepted.
      await store.logBatch(info.runId, { metrics: batch(0) });
      expect(await db.metric.count({ where: { runId: info.runId } })).toBe(200);
    });

    it("overwrites tags", async () => {
      const { info } = await store.createRun({ runName: "tags" });
      await store.setTag(info.runId, { key: "team", value: "a" });
      await store.logBatch(info.runId, { tags: [{ key: "team", value: "b" }, { key: "team", value: "c" }] });
      expect((await store.getRun(info.runId)).data.tags).toEqual([
        { key: "mlflow.runName", value: "tags" },
        { key: "team", value: "c" },
      ]);
    });

    it("validates keys, values and batch sizes with MLflow's messages", async () => {
      const { info } = await store.createRun();
      const bad = await trackingError(store.logParam(info.runId, { key: "a*b", value: "1" }));
      expect(bad.message).toBe(
        "Invalid parameter name: 'a*b'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).",
      );
      expect((await trackingError(store.setTag(info.runId, { key: "../x", value: "1" }))).message).toContain(
        "Names may be treated as files in certain cases",
      );
      const long = await trackingError(store.logMetric(info.runId, { key: "k".repeat(251), value: 1, timestamp: 1 }));
      expect(long.message).toMatch(/^Metric name 'k+' had length 251, which exceeded length limit of 250$/);
      const value = await trackingError(store.logParam(info.runId, { key: "p", value: "v".repeat(6001) }));
      expect(value.message).toContain("had length 6001, which exceeded length limit of 6000");
      const metrics = Array.from({ length: 1001 }, (_, i) => ({ key: "m", value: i, timestamp: i }));
      expect((await trackingError(store.logBatch(info.runId, { metrics }))).message).toBe(
        "A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.",
      );
      const params = Array.from({ length: 101 }, (_, i) => ({ key: `p${i}`, value: "1" }));
      expect((await trackingError(store.logBatch(info.runId, { params }))).message).toContain("at most 100 params");
      const dupes = await trackingError(store.logBatch(info.runId, { params: [{ key: "x", value: "1" }, { key: "x", value: "2" }] }));
      expect(dupes.message).toContain("Duplicate parameter keys have been submitted: ['x']");
      // Nothing of a refused batch is written.
      expect((await store.getRun(info.runId)).data.params).toEqual([]);
    });

    it("takes concurrent writes on one run, and concurrent creations in one workspace (un-awaited calls)", async () => {
      const { info } = await store.createRun();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 1
            ? store.logParam(info.runId, { key: "alpha", value: "1" })
            : store.logMetric(info.runId, { key: "loss", value: i, timestamp: i, step: i }),
        ),
      );
      const { data } = await store.getRun(info.runId);
      expect(data.params).toEqual([{ key: "alpha", value: "1" }]);
      expect(data.metrics).toEqual([{ key: "loss", value: 18, timestamp: 18, step: 18 }]);
      const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => store.createExperiment({ name: `concurrent-${i}` })));
      expect(new Set(ids).size).toBe(10);
    });

    it("refuses to log to a deleted run", async () => {
      const { info } = await store.createRun();
      await db.run.update({ where: { id: info.runId }, data: { lifecycleStage: "deleted" } });
      const error = await trackingError(store.logMetric(info.runId, { key: "m", value: 1, timestamp: 1 }));
      expect(error.message).toBe(`The run ${info.runId} must be in the 'active' state. Current state is deleted.`);
    });
  });

  describe("searchRuns", () => {
    let ws: TrackingStore;
    let exp: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ws = new PrismaTrackingStore(db, (await createWorkspace(db)).id);
      exp = await ws.createExperiment({ name: "sweep" });
      const specs = [
        { name: "r1", start: 1000, alpha: "0.1", rmse: 0.9, status: "FINISHED" as const, team: "red" },
        { name: "r2", start: 2000, alpha: "0.5", rmse: 0.5, status: "FINISHED" as const, team: "Blue" },
        { name: "r3", start: 3000, alpha: "0.9", rmse: undefined, status: "RUNNING" as const, team: "blue" },
      ];
      for (const spec of specs) {
        const { info } = await ws.createRun({ experimentId: exp, runName: spec.name, startTime: spec.start });
        ids[spec.name] = info.runId;
        await ws.logBatch(info.runId, {
          params: [{ key: "alpha", value: spec.alpha }],
          metrics: spec.rmse === undefined ? [] : [{ key: "rmse", value: spec.rmse, timestamp: spec.start }],
          tags: [{ key: "team", value: spec.team }],
        });
        await ws.updateRun(info.runId, { status: spec.status });
      }
    });

    const names = async (query: Omit<Parameters<TrackingStore["searchRuns"]>[0], "experimentIds">) =>
      (await ws.searchRuns({ experimentIds: [exp], ...query })).items.map((r) => r.info.runName);

    it("orders by start_time DESC by default", async () => {
      expect(await names({})).toEqual(["r3", "r2", "r1"]);
    });

    it("filters on metrics, params, tags and attributes, joined by AND", async () => {
      expect(await names({ filter: "metrics.rmse < 0.8" })).toEqual(["r2"]);
      expect(await names({ filter: "metrics.rmse >= 0.5 AND params.alpha = '0.1'" })).toEqual(["r1"]);
      expect(await names({ filter: "params.alpha != '0.5'" })).toEqual(["r3", "r1"]);
      expect(await names({ filter: "tags.team = 'blue'" })).toEqual(["r3"]);
      expect(await names({ filter: "tags.team LIKE 'b%'" })).toEqual(["r3"]);
      expect(await names({ filter: "tags.team ILIKE 'b%'" })).toEqual(["r3", "r2"]);
      expect(await names({ filter: "attributes.status = 'FINISHED'" })).toEqual(["r2", "r1"]);
      expect(await names({ filter: "status != 'FINISHED' and start_time > 1500" })).toEqual(["r3"]);
      expect(await names({ filter: `run_id IN ('${ids.r1}', '${ids.r3}')` })).toEqual(["r3", "r1"]);
      expect(await names({ filter: "tags.`team` = 'red'" })).toEqual(["r1"]);
      expect(await names({ filter: "attributes.run_name LIKE 'r_' AND metrics.rmse > 0.6" })).toEqual(["r1"]);
    });

    it("orders by metrics (absent values last, either direction), params and attributes", async () => {
      expect(await names({ orderBy: ["metrics.rmse ASC"] })).toEqual(["r2", "r1", "r3"]);
      expect(await names({ orderBy: ["metrics.rmse DESC"] })).toEqual(["r1", "r2", "r3"]);
      expect(await names({ orderBy: ["params.alpha DESC"] })).toEqual(["r3", "r2", "r1"]);
      expect(await names({ orderBy: ["attributes.start_time ASC"] })).toEqual(["r1", "r2", "r3"]);
      expect(await names({ orderBy: ["run_name DESC"] })).toEqual(["r3", "r2", "r1"]);
    });

    it("pages with tokens, in the database and in memory alike", async () => {
      for (const orderBy of [[], ["metrics.rmse ASC"]]) {
        const first = await ws.searchRuns({ experimentIds: [exp], orderBy, maxResults: 2 });
        expect(first.items).toHaveLength(2);
        expect(first.nextPageToken).toBeTruthy();
        const second = await ws.searchRuns({ experimentIds: [exp], orderBy, maxResults: 2, pageToken: first.nextPageToken });
        expect(second.items).toHaveLength(1);
        expect(second.nextPageToken).toBeNull();
        expect(new Set([...first.items, ...second.items].map((r) => r.info.runName))).toEqual(new Set(["r1", "r2", "r3"]));
      }
    });

    it("honours the view type and stays within the workspace", async () => {
      await db.run.update({ where: { id: ids.r1 ?? "" }, data: { lifecycleStage: "deleted" } });
      expect(await names({})).toEqual(["r3", "r2"]);
      expect(await names({ runViewType: "DELETED_ONLY" })).toEqual(["r1"]);
      expect(await names({ runViewType: "ALL" })).toEqual(["r3", "r2", "r1"]);
      await db.run.update({ where: { id: ids.r1 ?? "" }, data: { lifecycleStage: "active" } });
      expect((await other.searchRuns({ experimentIds: [exp] })).items.every((r) => !Object.values(ids).includes(r.info.runId))).toBe(true);
    });

    it("rejects malformed filters and order clauses", async () => {
      for (const filter of ["metrics.rmse < 'a'", "params.alpha = 0.5", "foo.bar = 'x'", "metrics.rmse < 1 OR metrics.rmse > 2", "nope = 'x'"]) {
        await expect(names({ filter })).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
      }
      await expect(names({ orderBy: ["metrics.rmse SIDEWAYS"] })).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
      await expect(names({ maxResults: 50_001 })).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
    });
  });
});
