/**
 * runs/search run in the database (SQLite here, PostgreSQL in the suite's PostgreSQL pass): the
 * answers must keep MLflow's semantics, written out by hand below rather than computed.
 * - order_by (sqlalchemy_store._get_orderby_clauses): values, then NaN metrics, then runs
 *   without the key, whatever the direction; ties by start_time DESC then run_id ASC; text in
 *   code point order (SQLite's BINARY; PostgreSQL's locale collation would differ);
 * - LIKE case-sensitive, ILIKE not (Unicode simple case folding, Cuvée's rule since its linear
 *   matcher); `%` and `_` the only wildcards, `_` one code point; GLOB's and LIKE's own
 *   metacharacters (`*`, `?`, `[`, `\`) literal;
 * - page tokens that start after a key: runs created between two pages neither come twice nor
 *   push one out; MLflow's offset tokens still accepted.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectMlflowError, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();
const T0 = 1_700_000_000_000;

interface RunSpec {
  name: string;
  start: number;
  end?: number;
  metric?: number | "NaN" | "Infinity" | "-Infinity";
  param?: string;
  tag?: string;
}

async function createRuns(experimentId: string, specs: readonly RunSpec[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const spec of specs) {
    const res = await api.post("runs/create", { experiment_id: experimentId, run_name: spec.name, start_time: T0 + spec.start });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const runId = res.json.run.info.run_id as string;
    ids[spec.name] = runId;
    const batch = await api.post("runs/log-batch", {
      run_id: runId,
      metrics: spec.metric === undefined ? [] : [{ key: "m", value: spec.metric, timestamp: 1 }],
      params: spec.param === undefined ? [] : [{ key: "p", value: spec.param }],
      tags: spec.tag === undefined ? [] : [{ key: "t", value: spec.tag }],
    });
    expect(batch.status, JSON.stringify(batch.json)).toBe(200);
    if (spec.end !== undefined) {
      const update = await api.post("runs/update", { run_id: runId, status: "FINISHED", end_time: T0 + spec.end });
      expect(update.status).toBe(200);
    }
  }
  return ids;
}

async function searchNames(experimentId: string, body: Record<string, unknown>): Promise<string[]> {
  const res = await api.post("runs/search", { experiment_ids: [experimentId], ...body });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return ((res.json.runs ?? []) as { info: { run_name: string } }[]).map((r) => r.info.run_name);
}

describe("order_by in the database, as MLflow orders", () => {
  let experimentId: string;
  let ids: Record<string, string>;
  /** The two runs tied on the metric and on start_time, in run_id order. */
  let tied: [string, string];

  beforeAll(async () => {
    experimentId = (await api.post("experiments/create", { name: uniqueName("order") })).json.experiment_id;
    ids = await createRuns(experimentId, [
      { name: "half-early", start: 1, end: 50, metric: 0.5, param: "b" },
      { name: "half-late-1", start: 3, metric: 0.5, param: "B", tag: "x" },
      { name: "half-late-2", start: 3, end: 20, metric: 0.5, param: "é" },
      { name: "nan", start: 2, end: 10, metric: "NaN", param: "a" },
      { name: "missing", start: 4, end: 30 },
      { name: "minus-inf", start: 5, metric: "-Infinity", param: "b" },
      { name: "plus-inf", start: 0, metric: "Infinity", param: "😀" },
    ]);
    const one = ids["half-late-1"] ?? "";
    const two = ids["half-late-2"] ?? "";
    tied = one < two ? ["half-late-1", "half-late-2"] : ["half-late-2", "half-late-1"];
  });

  it("metrics: values, then NaN, then runs without the metric, in either direction; ties by start_time DESC, run_id", async () => {
    expect(await searchNames(experimentId, { order_by: ["metrics.m ASC"] })).toEqual(["minus-inf", ...tied, "half-early", "plus-inf", "nan", "missing"]);
    expect(await searchNames(experimentId, { order_by: ["metrics.m DESC"] })).toEqual(["plus-inf", ...tied, "half-early", "minus-inf", "nan", "missing"]);
  });

  it("params in code point order, runs without the param last either way", async () => {
    // 'B' (U+42) < 'a' < 'b' < 'é' (U+E9) < '😀' (U+1F600); equal values by start_time DESC.
    expect(await searchNames(experimentId, { order_by: ["params.p ASC"] })).toEqual(["half-late-1", "nan", "minus-inf", "half-early", "half-late-2", "plus-inf", "missing"]);
    expect(await searchNames(experimentId, { order_by: ["params.p DESC"] })).toEqual(["plus-inf", "half-late-2", "minus-inf", "half-early", "nan", "half-late-1", "missing"]);
  });

  it("tags and end_time: absent values last whatever the direction", async () => {
    const rest = ["minus-inf", "missing", "half-late-2", "half-late-1", "nan", "half-early", "plus-inf"].filter((n) => n !== "half-late-1");
    expect(await searchNames(experimentId, { order_by: ["tags.t DESC"] })).toEqual(["half-late-1", ...rest]);
    const running = ["minus-inf", "half-late-1", "plus-inf"]; // no end_time: by start_time DESC
    expect(await searchNames(experimentId, { order_by: ["attributes.end_time ASC"] })).toEqual(["nan", "half-late-2", "missing", "half-early", ...running]);
    expect(await searchNames(experimentId, { order_by: ["attributes.end_time DESC"] })).toEqual(["half-early", "missing", "half-late-2", "nan", ...running]);
  });

  it("several clauses, then the tie-breakers", async () => {
    expect(await searchNames(experimentId, { order_by: ["params.p DESC", "metrics.m ASC"], filter: "params.p = 'b'" })).toEqual(["minus-inf", "half-early"]);
    expect(await searchNames(experimentId, { order_by: ["metrics.m DESC", "attributes.start_time ASC"], filter: "metrics.m = 0.5" })).toEqual([
      "half-early",
      ...tied,
    ]);
  });

  it("filters on metrics leave NaN out of every comparison (Cuvée's rule, unchanged)", async () => {
    expect(await searchNames(experimentId, { filter: "metrics.m >= 0", order_by: ["metrics.m ASC"] })).toEqual([...tied, "half-early", "plus-inf"]);
    expect(await searchNames(experimentId, { filter: "metrics.m != 0.5", order_by: ["metrics.m ASC"] })).toEqual(["minus-inf", "plus-inf"]);
  });
});

describe("LIKE and ILIKE in the database", () => {
  let experimentId: string;
  const LONG = "abcdefghijklmnopqrstuvwxyz";

  beforeAll(async () => {
    experimentId = (await api.post("experiments/create", { name: uniqueName("like") })).json.experiment_id;
    const names = [
      "alpha-run",
      "Alpha-run",
      "ALPHA_run",
      "élan",
      "Élan",
      "ÉLAN",
      "kelvin-\u212A",
      "kelvin-k",
      "ſtar",
      "star",
      "50%[x]*?",
      "a\\b",
      "x😀y",
      LONG,
      LONG.toUpperCase(),
    ];
    await createRuns(
      experimentId,
      names.map((name, i) => ({ name, start: i, param: name, tag: name })),
    );
  });

  /** Names matched by `attributes.run_name`, `params.p` and `tags.t` alike, sorted by code point. */
  async function matched(comparator: "LIKE" | "ILIKE", pattern: string): Promise<string[]> {
    // The filter's quoted strings take `''` for a quote and a backslash before any character.
    const quoted = pattern.replace(/\\/g, "\\\\").replace(/'/g, "''");
    const answers = await Promise.all(
      ["attributes.run_name", "params.p", "tags.t"].map((field) =>
        searchNames(experimentId, { filter: `${field} ${comparator} '${quoted}'`, order_by: ["attributes.run_name ASC"] }),
      ),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    return answers[0] ?? [];
  }

  it("LIKE is case-sensitive, on ASCII and beyond", async () => {
    expect(await matched("LIKE", "alpha%")).toEqual(["alpha-run"]);
    expect(await matched("LIKE", "%LAN")).toEqual(["ÉLAN"]);
    expect(await matched("LIKE", "élan")).toEqual(["élan"]);
    expect(await matched("LIKE", "%-k")).toEqual(["kelvin-k"]);
  });

  it("ILIKE folds case, Unicode's simple folding included", async () => {
    expect(await matched("ILIKE", "alpha%")).toEqual(["ALPHA_run", "Alpha-run", "alpha-run"]);
    expect(await matched("ILIKE", "élan")).toEqual(["ÉLAN", "Élan", "élan"]);
    expect(await matched("ILIKE", "%-K")).toEqual(["kelvin-k", "kelvin-\u212A"]);
    expect(await matched("ILIKE", "STAR")).toEqual(["star", "ſtar"]);
  });

  it("`_` is one code point and `%` any run; nothing else is a wildcard", async () => {
    expect(await matched("LIKE", "alpha_run")).toEqual(["alpha-run"]);
    expect(await matched("ILIKE", "alpha_run")).toEqual(["ALPHA_run", "Alpha-run", "alpha-run"]);
    expect(await matched("LIKE", "x_y")).toEqual(["x😀y"]);
    expect(await matched("LIKE", "50%[x]*?")).toEqual(["50%[x]*?"]);
    expect(await matched("LIKE", "%*%")).toEqual(["50%[x]*?"]);
    expect(await matched("LIKE", "%?")).toEqual(["50%[x]*?"]);
    expect(await matched("LIKE", "a\\b")).toEqual(["a\\b"]);
    expect(await matched("LIKE", "a_b")).toEqual(["a\\b"]);
    expect(await matched("LIKE", "[x]%")).toEqual([]);
  });

  it("a pattern longer than what SQL matches is still exact", async () => {
    expect(await matched("LIKE", LONG)).toEqual([LONG]);
    expect(await matched("LIKE", `${LONG.slice(0, 20)}%Z`)).toEqual([]);
    expect(await matched("ILIKE", `${LONG.slice(0, 20)}%Z`)).toEqual([LONG.toUpperCase(), LONG]);
  });

  it("LIKE on run_id, status and user_id too, and pages over what memory confirms", async () => {
    expect(await searchNames(experimentId, { filter: "attributes.status LIKE 'RUN%'", max_results: 1 })).toHaveLength(1);
    expect(await searchNames(experimentId, { filter: "attributes.status LIKE 'run%'" })).toEqual([]);
    const first = await api.post("runs/search", { experiment_ids: [experimentId], filter: "run_name ILIKE 'élan'", max_results: 2 });
    expect(first.json.runs).toHaveLength(2);
    const second = await api.post("runs/search", { experiment_ids: [experimentId], filter: "run_name ILIKE 'élan'", max_results: 2, page_token: first.json.next_page_token });
    expect(second.json.runs).toHaveLength(1);
    expect(second.json).not.toHaveProperty("next_page_token");
  });
});

describe("page tokens", () => {
  let experimentId: string;

  beforeAll(async () => {
    experimentId = (await api.post("experiments/create", { name: uniqueName("pages") })).json.experiment_id;
    await createRuns(
      experimentId,
      [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((metric, i) => ({ name: `m${metric}`, start: i, metric })),
    );
  });

  async function page(body: Record<string, unknown>) {
    const res = await api.post("runs/search", { experiment_ids: [experimentId], order_by: ["metrics.m ASC"], max_results: 2, ...body });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return { names: ((res.json.runs ?? []) as { info: { run_name: string } }[]).map((r) => r.info.run_name), token: res.json.next_page_token as string | undefined };
  }

  it("neither repeats nor skips a run when runs are created between pages", async () => {
    const first = await page({});
    expect(first.names).toEqual(["m0.1", "m0.2"]);
    // Ahead of the first page (an offset token would now show m0.2 again) and behind it.
    await createRuns(experimentId, [
      { name: "m0.05", start: 10, metric: 0.05 },
      { name: "m0.45", start: 11, metric: 0.45 },
    ]);
    const second = await page({ page_token: first.token });
    expect(second.names).toEqual(["m0.3", "m0.4"]);
    const third = await page({ page_token: second.token });
    expect(third.names).toEqual(["m0.45", "m0.5"]);
    const fourth = await page({ page_token: third.token });
    expect(fourth).toEqual({ names: ["m0.6"], token: undefined });
  });

  it("accepts MLflow's offset tokens", async () => {
    const all = await page({ max_results: 100 });
    const token = Buffer.from('{"offset": 2}').toString("base64");
    expect((await page({ page_token: token, max_results: 1 })).names).toEqual([all.names[2]]);
  });

  it("refuses a token made for another order_by, or forged", async () => {
    const first = await page({});
    const other = await api.post("runs/search", { experiment_ids: [experimentId], order_by: ["metrics.m DESC"], max_results: 2, page_token: first.token });
    expectMlflowError(other, 400, "INVALID_PARAMETER_VALUE", /another order_by/);
    const forged = Buffer.from(JSON.stringify({ after: [0, "x", "1", "id"], order: "metric.m ASC, attribute.start_time DESC, attribute.run_id ASC" })).toString("base64");
    const raw = (pageToken: string) => api.post("runs/search", { experiment_ids: [experimentId], order_by: ["metrics.m ASC"], page_token: pageToken });
    expectMlflowError(await raw(forged), 400, "INVALID_PARAMETER_VALUE");
    const short = Buffer.from(JSON.stringify({ after: [0], order: "metric.m ASC, attribute.start_time DESC, attribute.run_id ASC" })).toString("base64");
    expectMlflowError(await raw(short), 400, "INVALID_PARAMETER_VALUE");
  });
});
