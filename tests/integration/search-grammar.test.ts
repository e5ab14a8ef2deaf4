/**
 * runs/search's filter grammar, order_by and pagination, as a table: each filter string against a
 * fixed set of four runs, with the runs it must select; malformed filters must answer
 * INVALID_PARAMETER_VALUE.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectMlflowError, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();
let experimentId: string;
/** run letter → run_id */
const ids: Record<"a" | "b" | "c" | "d", string> = { a: "", b: "", c: "", d: "" };
const T0 = 1_700_000_000_000;

beforeAll(async () => {
  experimentId = (await api.post("experiments/create", { name: uniqueName("grammar") })).json.experiment_id;
  const create = async (name: string, startOffset: number) =>
    (await api.post("runs/create", { experiment_id: experimentId, run_name: name, start_time: T0 + startOffset })).json.run.info.run_id as string;
  ids.a = await create("run-a", 1000);
  ids.b = await create("run-b", 2000);
  ids.c = await create("other-c", 3000);
  ids.d = await create("run-d", 4000);
  await api.post("runs/log-batch", {
    run_id: ids.a,
    metrics: [{ key: "rmse", value: 0.5, timestamp: 1 }, { key: "r2", value: 0.9, timestamp: 1 }],
    params: [{ key: "alpha", value: "0.1" }, { key: "l1_ratio", value: "0.5" }],
    tags: [{ key: "team", value: "alpha" }, { key: "note", value: "Hello" }],
  });
  await api.post("runs/log-batch", {
    run_id: ids.b,
    metrics: [{ key: "rmse", value: 0.8, timestamp: 1 }],
    params: [{ key: "alpha", value: "0.5" }],
    tags: [{ key: "team", value: "beta" }],
  });
  await api.post("runs/log-batch", {
    run_id: ids.c,
    metrics: [{ key: "rmse", value: 1.2, timestamp: 1 }],
    params: [{ key: "alpha", value: "0.5" }],
    tags: [{ key: "team", value: "Alpha" }],
  });
  await api.post("runs/update", { run_id: ids.a, status: "FINISHED", end_time: T0 + 1500 });
  await api.post("runs/update", { run_id: ids.c, status: "FAILED", end_time: T0 + 3500 });
});

async function search(body: Record<string, unknown>) {
  return api.post("runs/search", { experiment_ids: [experimentId], ...body });
}

function letters(json: { runs?: { info: { run_id: string } }[] }): string[] {
  const byId = Object.fromEntries(Object.entries(ids).map(([letter, id]) => [id, letter]));
  return (json.runs ?? []).map((run) => byId[run.info.run_id] ?? "?");
}

/** Filters and the runs they select, in the default order (start_time DESC). */
const FILTERS: [string | (() => string), string[]][] = [
  ["", ["d", "c", "b", "a"]],
  ["metrics.rmse < 0.8", ["a"]],
  ["metrics.rmse <= 0.8", ["b", "a"]],
  ["metrics.rmse > 0.5", ["c", "b"]],
  ["metrics.rmse >= 0.5", ["c", "b", "a"]],
  ["metrics.rmse = 0.8", ["b"]],
  ["metrics.rmse != 0.8", ["c", "a"]],
  ["metric.r2 > 0", ["a"]],
  ["metrics.`rmse` < 1e0", ["b", "a"]],
  ["params.alpha = '0.5'", ["c", "b"]],
  ['params.alpha = "0.5"', ["c", "b"]],
  ["params.alpha != '0.5'", ["a"]],
  ["params.alpha LIKE '0.%'", ["c", "b", "a"]],
  ["param.l1_ratio = '0.5'", ["a"]],
  ["tags.team = 'alpha'", ["a"]],
  ["tags.team LIKE 'a%'", ["a"]],
  ["tags.team ILIKE 'a%'", ["c", "a"]],
  ["tags.team != 'beta'", ["c", "a"]],
  ['tags."team" = \'beta\'', ["b"]],
  ["tags.note LIKE '%ell%'", ["a"]],
  ["tags.`mlflow.runName` = 'run-b'", ["b"]],
  ["attributes.status = 'FINISHED'", ["a"]],
  ["status != 'RUNNING'", ["c", "a"]],
  ["attribute.run_name LIKE 'run-%'", ["d", "b", "a"]],
  ["run_name ILIKE 'OTHER%'", ["c"]],
  [`attributes.start_time >= ${T0 + 3000}`, ["d", "c"]],
  [`start_time < ${T0 + 2000}`, ["a"]],
  [`end_time > ${T0 + 2000}`, ["c"]],
  [() => `run_id IN ('${ids.a}', '${ids.b}')`, ["b", "a"]],
  [() => `attributes.run_id = '${ids.d}'`, ["d"]],
  ["metrics.rmse < 1 AND params.alpha = '0.5'", ["b"]],
  ["metrics.rmse < 1 and tags.team = 'alpha'", ["a"]],
  ["params.alpha = '0.5' AND tags.team ILIKE 'alpha' AND attributes.status = 'FAILED'", ["c"]],
  ["metrics.rmse > 100", []],
];

const MALFORMED = [
  "metrics.rmse < 'a'",
  "params.alpha = 0.5",
  "foo.bar = 'x'",
  "unknown_attr = 'x'",
  "metrics.a > 1 OR metrics.b > 1",
  "metrics.a > 1 AND",
  "params.a LIKE",
  "status IN ('a')",
  "params.a = 'unterminated",
  "metrics.rmse",
  "(metrics.rmse < 1)",
  "metrics.rmse LIKE '1'",
  "tags.t NOT LIKE 'a%'",
  "run_id IN 'a'",
];

describe("runs/search filter grammar", () => {
  it.each(FILTERS.map(([filter, expected]) => [typeof filter === "string" ? filter : filter.toString(), filter, expected] as const))(
    "%s",
    async (_label, filter, expected) => {
      const res = await search({ filter: typeof filter === "string" ? filter : filter() });
      expect(res.status).toBe(200);
      expect(letters(res.json)).toEqual(expected);
    },
  );

  it.each(MALFORMED)("refuses %j with 400 INVALID_PARAMETER_VALUE", async (filter) => {
    expectMlflowError(await search({ filter }), 400, "INVALID_PARAMETER_VALUE");
  });
});

describe("runs/search order_by", () => {
  it.each([
    [["metrics.rmse ASC"], ["a", "b", "c", "d"]],
    [["metrics.rmse DESC"], ["c", "b", "a", "d"]],
    [["params.alpha ASC", "metrics.rmse DESC"], ["a", "c", "b", "d"]],
    [["attributes.start_time ASC"], ["a", "b", "c", "d"]],
    [["start_time"], ["a", "b", "c", "d"]],
    [["tags.team DESC"], ["b", "a", "c", "d"]],
    [["attributes.run_name"], ["c", "a", "b", "d"]],
  ])("%j", async (orderBy, expected) => {
    const res = await search({ order_by: orderBy });
    expect(letters(res.json)).toEqual(expected);
  });

  it.each([["metrics.rmse SIDEWAYS"], ["foo.bar ASC"], ["attributes.nope"], ["metrics.rmse", "metrics.rmse DESC"]])(
    "refuses %j",
    async (...orderBy) => {
      expectMlflowError(await search({ order_by: orderBy }), 400, "INVALID_PARAMETER_VALUE");
    },
  );
});

describe("runs/search pagination", () => {
  it("walks every run with max_results=1 and next_page_token, then stops", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const res = await search({ max_results: 1, ...(token ? { page_token: token } : {}) });
      seen.push(...letters(res.json));
      token = res.json.next_page_token;
      if (!token) break;
    }
    expect(seen).toEqual(["d", "c", "b", "a"]);
    const lastPage = await search({ max_results: 4 });
    expect(lastPage.json.next_page_token).toBeUndefined();
    const paged = await search({ max_results: 3, filter: "metrics.rmse > 0", order_by: ["metrics.rmse ASC"] });
    expect(letters(paged.json)).toEqual(["a", "b", "c"]);
    expect(paged.json.next_page_token).toBeUndefined();
  });

  it("bounds max_results (1..50000) and refuses a bad token", async () => {
    expect((await search({ max_results: 50_000 })).status).toBe(200);
    expectMlflowError(await search({ max_results: 50_001 }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await search({ max_results: 0 }), 400, "INVALID_PARAMETER_VALUE");
    expectMlflowError(await search({ page_token: "bm90IGpzb24=" }), 400, "INVALID_PARAMETER_VALUE");
  });
});
