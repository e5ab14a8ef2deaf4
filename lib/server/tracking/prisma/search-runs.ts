/**
 * search-runs: MLflow's filter, order_by and pages over a workspace's runs, in the database.
 *
 * One statement (search-runs-sql.ts) filters, orders and cuts the page, and answers run ids with
 * their sort keys; the page's runs are then read whole. The next page starts after the last
 * row's sort key (seek-token.ts), so a page costs the same whichever it is and runs inserted
 * while a client pages are neither shown twice nor skipped.
 *
 * What SQL cannot decide exactly is confirmed in memory, on the values the statement selects
 * beside each candidate, under the search's time budget: LIKE and ILIKE (SQL matches a bounded
 * superset: ASCII-only folding, a pattern and values cut to a length, like-sql.ts) and IN lists
 * longer than the bound parameters allow. The statement then answers candidates in order, and
 * reading goes on after the last one until the page is full.
 */
import { resolveDbConfig } from "@/lib/server/db";
import type { DbClient } from "@/lib/server/db/helpers";
import {
  createSeekToken,
  matchesClause,
  parseFilter,
  parseOrderByList,
  parsePageStart,
  RUN_GRAMMAR,
  startSearchBudget,
  type OrderByClause,
  type SearchBudget,
  type SeekValue,
} from "@/lib/server/search";
import { SEARCH_MAX_RESULTS_DEFAULT, TrackingError, validateSearchMaxResults } from "@/lib/tracking/protocol";
import type { PagedList, Run } from "../entities";
import type { SearchRunsQuery } from "../store";
import { lifecycleStagesFor, parseExperimentNumber } from "./experiments";
import { toRun, type RunRow } from "./mappers";
import { buildRunSearch, toSeekValue, type SortColumn } from "./search-runs-sql";

/**
 * Bound parameters per query are limited: 999 on SQLite through Prisma (P2029 beyond, a 500),
 * 32 767 on PostgreSQL. Experiment ids are read from the database and written into the
 * statement; IN lists of run ids may bind LIST_PARAMETERS values in all (longer ones are checked
 * in memory), the other clauses, the order keys and a page's seek a few each. Whole runs are
 * read IN_CHUNK ids at a time. MLflow sets no limit on these lists: never refused.
 */
const IN_CHUNK = 300;
const LIST_PARAMETERS = 300;
/** Candidates read at once for memory to confirm, at most (each holds the confirmed values, up to 6000 characters). */
const MAX_CANDIDATES_PER_READ = 2000;

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** The order clauses plus MLflow's tie-breakers: start_time DESC (unless ordered on), then run_id. */
function withTieBreakers(orderBy: OrderByClause[]): OrderByClause[] {
  const clauses = [...orderBy];
  if (!clauses.some((c) => c.type === "attribute" && c.key === "start_time")) {
    clauses.push({ type: "attribute", key: "start_time", ascending: false });
  }
  if (!clauses.some((c) => c.type === "attribute" && c.key === "run_id")) {
    clauses.push({ type: "attribute", key: "run_id", ascending: true });
  }
  return clauses;
}

/** What a page token is tied to: the order it sorts by. */
function orderSignature(orderBy: readonly OrderByClause[]): string {
  return orderBy.map((c) => `${c.type}.${c.key} ${c.ascending ? "ASC" : "DESC"}`).join(", ");
}

/** The experiments a search names, within the workspace: internal id → MLflow's number. */
async function experimentsOf(db: DbClient, workspaceId: string, experimentIds: readonly string[]): Promise<Map<number, number>> {
  const numbers = unique(experimentIds.map(parseExperimentNumber).filter((n): n is number => n !== null));
  if (numbers.length === 0) return new Map();
  const wanted = new Set(numbers);
  // A long list names mostly experiments that do not exist: keep the workspace's own.
  const rows = await db.experiment.findMany({
    where: numbers.length > IN_CHUNK ? { workspaceId } : { workspaceId, number: { in: numbers } },
    select: { id: true, number: true },
  });
  return new Map(rows.filter((e) => wanted.has(e.number)).map((e) => [e.id, e.number]));
}

type ResultRow = Record<string, unknown> & { id: string };

/** A residual clause's selected value as matchesClause reads it (absent: undefined). */
function residualValue(value: unknown): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "bigint") return Number(value);
  return value as string | number;
}

/** `budget` bounds the time spent confirming clauses in memory (started at the call by default). */
export async function searchRuns(
  db: DbClient,
  workspaceId: string,
  query: SearchRunsQuery,
  budget: SearchBudget = startSearchBudget(),
): Promise<PagedList<Run>> {
  const maxResults = query.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT;
  validateSearchMaxResults(maxResults);
  const clauses = parseFilter(query.filter, RUN_GRAMMAR);
  const orderBy = withTieBreakers(parseOrderByList(query.orderBy, RUN_GRAMMAR));
  const signature = orderSignature(orderBy);

  const experiments = await experimentsOf(db, workspaceId, query.experimentIds);
  if (experiments.size === 0) return { items: [], nextPageToken: null };

  const start = parsePageStart(query.pageToken, signature);
  const offset = start.kind === "offset" ? start.offset : 0;
  const batch = maxResults + 1;
  const build = (after: readonly SeekValue[] | null, limit = batch) => {
    try {
      return buildRunSearch({
        dialect: resolveDbConfig().provider,
        experimentIds: [...experiments.keys()],
        lifecycleStages: lifecycleStagesFor(query.runViewType),
        clauses,
        orderBy,
        after,
        limit,
        offset,
        listParameters: LIST_PARAMETERS,
      });
    } catch (error) {
      // Only a page token's values can fail to fit the statement.
      if (error instanceof TypeError) throw TrackingError.invalidParameterValue(`Invalid page token: ${error.message}`);
      throw error;
    }
  };

  let built = build(start.kind === "after" ? start.values : null);
  let rows = await db.$queryRaw<ResultRow[]>(built.query);
  if (built.residual.length > 0) {
    // SQL answered a superset, in order: keep what memory confirms, and read on after the last
    // candidate until the page (and the row proving a next one) is full or nothing is left.
    const { residual } = built;
    const confirmed: ResultRow[] = [];
    let skip = offset;
    let limit = batch;
    for (;;) {
      for (const row of rows) {
        budget.check();
        if (!residual.every((clause, i) => matchesClause(clause, residualValue(row[`x${i}`])))) continue;
        if (skip > 0) skip -= 1;
        else if (confirmed.length < batch) confirmed.push(row);
      }
      const last = rows.at(-1);
      if (confirmed.length === batch || rows.length < limit || !last) break;
      budget.check();
      // Each statement reads the experiments' runs again: fewer, larger reads when SQL's superset is loose.
      limit = Math.min(limit * 2, MAX_CANDIDATES_PER_READ);
      built = build(seekValues(last, built.sortColumns), limit);
      rows = await db.$queryRaw<ResultRow[]>(built.query);
    }
    rows = confirmed;
  }

  const hasMore = rows.length > maxResults;
  const page = hasMore ? rows.slice(0, maxResults) : rows;
  const items = await loadRuns(db, page.map((row) => row.id), experiments);
  const last = page.at(-1);
  return { items, nextPageToken: hasMore && last ? createSeekToken(seekValues(last, built.sortColumns), signature) : null };
}

function seekValues(row: ResultRow, columns: readonly SortColumn[]) {
  return columns.map((column, i) => toSeekValue(row[`s${i}`], column.kind));
}

function groupByRun<T extends { runId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.runId);
    if (list) list.push(row);
    else out.set(row.runId, [row]);
  }
  return out;
}

/**
 * The runs of `ids`, whole, in that order (one deleted meanwhile is left out). What Prisma's
 * `include` would read one table after another is read at once: on PostgreSQL each is a round
 * trip, and on a busy machine the page's five reads cost more than the search itself.
 */
async function loadRuns(db: DbClient, ids: readonly string[], experiments: ReadonlyMap<number, number>): Promise<Run[]> {
  const byId = new Map<string, Run>();
  for (const chunk of chunks(ids, IN_CHUNK)) {
    const where = { runId: { in: chunk } };
    const [runs, latestMetrics, params, tags, inputs] = await Promise.all([
      db.run.findMany({ where: { id: { in: chunk } } }),
      db.latestMetric.findMany({ where }),
      db.param.findMany({ where }),
      db.runTag.findMany({ where }),
      db.runInput.findMany({ where }),
    ]);
    const [metricsOf, paramsOf, tagsOf, inputsOf] = [groupByRun(latestMetrics), groupByRun(params), groupByRun(tags), groupByRun(inputs)];
    for (const run of runs) {
      const row: RunRow = {
        ...run,
        experiment: { number: experiments.get(run.experimentId) ?? Number.NaN },
        latestMetrics: metricsOf.get(run.id) ?? [],
        params: paramsOf.get(run.id) ?? [],
        tags: tagsOf.get(run.id) ?? [],
        inputs: inputsOf.get(run.id) ?? [],
      };
      byId.set(run.id, toRun(row));
    }
  }
  return ids.map((id) => byId.get(id)).filter((run): run is Run => run !== undefined);
}
