/**
 * Searches that must neither freeze the server nor answer a 500, through the dispatcher on a
 * fresh SQLite file: pathological LIKE patterns on every search, lists longer than SQLite's bound
 * parameters, and the time budget (with an injected clock: no real waiting).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { searchModelVersions, searchRegisteredModels } from "@/lib/server/registry/prisma/search";
import { startSearchBudget } from "@/lib/server/search";
import { searchExperiments } from "@/lib/server/tracking/prisma/experiments";
import { searchRuns } from "@/lib/server/tracking/prisma/search-runs";
import { createWorkspace } from "@/lib/server/workspaces";
import { TrackingError } from "@/lib/tracking/protocol";
import { handleMlflowRequest } from "./mlflow";

const savedUrl = process.env.DATABASE_URL;
let database: TempDatabase;
let db: Db;
let workspaceId: string;

const NAME_100 = "a".repeat(100);
const NAME_500 = "a".repeat(500);
/** The probe's patterns: with a backtracking regex, seconds on 100 characters, endless on 500. */
const PATTERNS = ["%%%%%%zzz", "%%%%%%%zzz", "%%%%%%%%%%zzz"];

/** POST sends `body` as JSON; GET (the registry's searches) sends it as the query string. */
async function call(method: "GET" | "POST", path: string, body?: Record<string, unknown>) {
  const query = method === "GET" && body ? `?${new URLSearchParams(body as Record<string, string>)}` : "";
  const request = new Request(`http://cuvee.test/api/2.0/mlflow/${path}${query}`, {
    method,
    body: method === "POST" && body !== undefined ? JSON.stringify(body) : undefined,
  });
  const response = await handleMlflowRequest(workspaceId, method, path.split("/"), request);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function ok(path: string, body: Record<string, unknown>, method: "GET" | "POST" = "POST") {
  const res = await call(method, path, body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}

/** Run ids of experiment 1, in creation order. */
const runIds: string[] = [];

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  db = await getDb();
  workspaceId = (await createWorkspace()).id;
  await ok("experiments/create", { name: NAME_100 }); // "1"
  await ok("experiments/create", { name: NAME_500 }); // "2"
  for (let i = 0; i < 6; i += 1) {
    const { run } = await ok("runs/create", { experiment_id: "1", start_time: 1000 + i });
    runIds.push(run.info.run_id);
    await ok("runs/set-tag", { run_id: run.info.run_id, key: "t", value: i % 2 === 0 ? NAME_500 : `${NAME_500}zzz` });
  }
  const other = await ok("runs/create", { experiment_id: "2", start_time: 5000 });
  runIds.push(other.run.info.run_id);
  await ok("registered-models/create", { name: NAME_100 });
  await ok("registered-models/create", { name: `${NAME_100}zzz` });
  await ok("model-versions/create", { name: NAME_100, source: `runs:/${runIds[0]}/model`, run_id: runIds[0] });
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

describe("pathological LIKE patterns complete on every search", () => {
  it.each(PATTERNS)("experiments/search name LIKE '%s'", async (pattern) => {
    const json = await ok("experiments/search", { filter: `name LIKE '${pattern}'`, view_type: "ALL" });
    expect(json.experiments ?? []).toEqual([]);
    const all = await ok("experiments/search", { filter: `name ILIKE '${pattern.replace("zzz", "A")}'` });
    expect(all.experiments.map((e: { experiment_id: string }) => e.experiment_id).sort()).toEqual(["1", "2"]);
  });

  it.each(PATTERNS)("runs/search tags ILIKE '%s'", async (pattern) => {
    const json = await ok("runs/search", { experiment_ids: ["1"], filter: `tags.t ILIKE '${pattern.toUpperCase()}'` });
    expect(json.runs.map((r: { info: { run_id: string } }) => r.info.run_id).sort()).toEqual([runIds[1], runIds[3], runIds[5]].sort());
  });

  it.each(PATTERNS)("registered-models/search and model-versions/search name LIKE '%s'", async (pattern) => {
    const models = await ok("registered-models/search", { filter: `name LIKE '${pattern}'` }, "GET");
    expect(models.registered_models.map((m: { name: string }) => m.name)).toEqual([`${NAME_100}zzz`]);
    const versions = await ok("model-versions/search", { filter: `name LIKE '${pattern}'` }, "GET");
    expect(versions.model_versions ?? []).toEqual([]);
    const some = await ok("model-versions/search", { filter: `name LIKE '${pattern.replace("zzz", "a")}'` }, "GET");
    expect(some.model_versions).toHaveLength(1);
  });
});

describe("lists longer than SQLite's bound parameters", () => {
  const manyExperimentIds = Array.from({ length: 996 }, (_, i) => String(i));
  /** 995 run ids, the real ones spread over the list so that every chunk has some. */
  function manyRunIds(real: readonly string[]): string[] {
    const ids = Array.from({ length: 995 }, (_, i) => `f${String(i).padStart(31, "0")}`);
    real.forEach((id, i) => {
      ids[Math.floor((i * (ids.length - 1)) / Math.max(1, real.length - 1))] = id;
    });
    return ids;
  }
  const quoted = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(", ");
  const idsOf = (json: { runs?: { info: { run_id: string } }[] }) => (json.runs ?? []).map((r) => r.info.run_id);

  it("996 experiment_ids answer the runs of the experiments that exist", async () => {
    const json = await ok("runs/search", { experiment_ids: manyExperimentIds });
    expect(idsOf(json)).toEqual([...runIds].reverse()); // newest first
  });

  it("run_id IN (995 values) answers exactly the runs listed, in order and in pages", async () => {
    const wanted = [runIds[0]!, runIds[2]!, runIds[5]!, runIds[6]!];
    const filter = `run_id IN (${quoted(manyRunIds(wanted))})`;
    const json = await ok("runs/search", { experiment_ids: ["1", "2"], filter, order_by: ["attributes.start_time ASC"] });
    expect(idsOf(json)).toEqual(wanted);
    const first = await ok("runs/search", { experiment_ids: ["1", "2"], filter, max_results: 3 });
    const second = await ok("runs/search", { experiment_ids: ["1", "2"], filter, max_results: 3, page_token: first.next_page_token });
    expect([...idsOf(first), ...idsOf(second)]).toEqual([...wanted].reverse());
  });

  it("both lists at once, and NOT IN (995 values)", async () => {
    const wanted = [runIds[1]!, runIds[6]!];
    const both = await ok("runs/search", { experiment_ids: manyExperimentIds, filter: `run_id IN (${quoted(manyRunIds(wanted))})` });
    expect(idsOf(both)).toEqual([...wanted].reverse());
    const notIn = await ok("runs/search", { experiment_ids: ["1"], filter: `run_id NOT IN (${quoted(manyRunIds(runIds.slice(0, 5)))})` });
    expect(idsOf(notIn)).toEqual([runIds[5]]);
  });

  it("many clauses and several lists at once stay under the limit too", async () => {
    const clauses = Array.from({ length: 120 }, (_, i) => `params.p${i} != 'x'`).join(" AND ");
    const json = await ok("runs/search", { experiment_ids: manyExperimentIds, filter: `${clauses} AND run_id IN (${quoted(manyRunIds(runIds))})` });
    expect(idsOf(json)).toEqual([]); // no run has these params: != needs the param, as in MLflow
    const notIn = (from: number) => `run_id NOT IN (${quoted(Array.from({ length: 250 }, (_, i) => `n${from + i}`))})`;
    const lists = `${notIn(0)} AND ${notIn(250)} AND ${notIn(500)} AND run_id IN (${quoted(manyRunIds(runIds.slice(0, 3)))})`;
    const listed = await ok("runs/search", { experiment_ids: ["1"], filter: lists });
    expect(idsOf(listed)).toEqual(runIds.slice(0, 3).reverse());
  });
});

describe("the time budget", () => {
  /** A clock that advances one millisecond each time it is read. */
  function tickingClock() {
    let t = 0;
    return () => (t += 1);
  }

  async function budgetError(promise: Promise<unknown>): Promise<TrackingError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TrackingError);
    return error as TrackingError;
  }

  it("stops each in-memory search past its budget with MLflow's INVALID_PARAMETER_VALUE", async () => {
    // Started at 1 ms, the deadline is 2 ms: the second check (the second row) is past it.
    const budget = () => startSearchBudget({ budgetMs: 1, now: tickingClock() });
    const errors = await Promise.all([
      budgetError(searchExperiments(db, workspaceId, { filter: "name LIKE 'a%'" }, budget())),
      budgetError(searchRuns(db, workspaceId, { experimentIds: ["1"], filter: "tags.t LIKE '%z'" }, budget())),
      budgetError(searchRegisteredModels(db, workspaceId, { filter: "name LIKE 'a%'" }, budget())),
      budgetError(searchModelVersions(db, workspaceId, { orderBy: ["name"] }, budget())),
    ]);
    for (const error of errors) {
      expect(error.toJSON()).toEqual({ error_code: "INVALID_PARAMETER_VALUE", message: expect.stringContaining("budget of 1 ms") });
      expect(error.httpStatus).toBe(400);
    }
  });

  it("lets the same searches through within the budget", async () => {
    const budget = () => startSearchBudget({ budgetMs: 1000, now: tickingClock() });
    expect((await searchExperiments(db, workspaceId, { filter: "name LIKE 'a%'" }, budget())).items).toHaveLength(2);
    expect((await searchRuns(db, workspaceId, { experimentIds: ["1"], filter: "tags.t LIKE '%z'" }, budget())).items).toHaveLength(3);
  });

  it("is answered through the API from CUVEE_SEARCH_BUDGET_MS", async () => {
    // Through the API the clock is real: a budget of a femtosecond is spent by the second row.
    const saved = process.env.CUVEE_SEARCH_BUDGET_MS;
    process.env.CUVEE_SEARCH_BUDGET_MS = "1e-9";
    try {
      const res = await call("POST", "runs/search", { experiment_ids: ["1"], filter: "tags.t LIKE '%z'" });
      expect(res).toMatchObject({ status: 400, json: { error_code: "INVALID_PARAMETER_VALUE" } });
      expect(res.json.message).toMatch(/CUVEE_SEARCH_BUDGET_MS/);
    } finally {
      if (saved === undefined) delete process.env.CUVEE_SEARCH_BUDGET_MS;
      else process.env.CUVEE_SEARCH_BUDGET_MS = saved;
    }
  });
});
