/**
 * search-runs: MLflow's filter, order_by and pages over a workspace's runs, in the database.
 *
 * One statement (search-runs-sql.ts) filters, orders and cuts the page, and answers run ids with
 * their sort keys; the page's runs are then read whole. The next page starts after the last
 * row's sort key (seek-token.ts), so a page costs the same whichever it is and runs inserted
 * while a client pages are neither shown twice nor skipped.
 *
 * What SQL cannot decide exactly is confirmed in memory, on the values the statement selects
 * beside each candidate, under the search's time budget: an ILIKE pattern holding letters that
 * SQL's ASCII-only folding misses, a LIKE pattern longer than what SQL matches within its bound
 * (like-sql.ts), an IN list longer than the bound parameters allow. The statement then answers
 * every candidate in order, and the page is cut here.
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
} from "@/lib/server/search";
import { SEARCH_MAX_RESULTS_DEFAULT, TrackingError, validateSearchMaxResults } from "@/lib/tracking/protocol";
import type { PagedList, Run } from "../entities";
import type { SearchRunsQuery } from "../store";
import { lifecycleStagesFor, parseExperimentNumber } from "./experiments";
import { runInclude, toRun } from "./mappers";
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

/** The internal ids of the experiments a search names, within the workspace. */
async function experimentIdsOf(db: DbClient, workspaceId: string, experimentIds: readonly string[]): Promise<number[]> {
  const numbers = unique(experimentIds.map(parseExperimentNumber).filter((n): n is number => n !== null));
  if (numbers.length === 0) return [];
  if (numbers.length > IN_CHUNK) {
    // A long list names mostly experiments that do not exist: keep the workspace's own.
    const wanted = new Set(numbers);
    const existing = await db.experiment.findMany({ where: { workspaceId }, select: { id: true, number: true } });
    return existing.filter((e) => wanted.has(e.number)).map((e) => e.id);
  }
  const rows = await db.experiment.findMany({ where: { workspaceId, number: { in: numbers } }, select: { id: true } });
  return rows.map((e) => e.id);
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

  const experimentIds = await experimentIdsOf(db, workspaceId, query.experimentIds);
  if (experimentIds.length === 0) return { items: [], nextPageToken: null };

  const start = parsePageStart(query.pageToken, signature);
  const offset = start.kind === "offset" ? start.offset : 0;
  let built: ReturnType<typeof buildRunSearch>;
  try {
    built = buildRunSearch({
      dialect: resolveDbConfig().provider,
      experimentIds,
      lifecycleStages: lifecycleStagesFor(query.runViewType),
      clauses,
      orderBy,
      after: start.kind === "after" ? start.values : null,
      offset,
      limit: maxResults + 1,
      listParameters: LIST_PARAMETERS,
    });
  } catch (error) {
    // Only a page token's values can fail to fit the statement.
    if (error instanceof TypeError) throw TrackingError.invalidParameterValue(`Invalid page token: ${error.message}`);
    throw error;
  }

  let rows = await db.$queryRaw<ResultRow[]>(built.query);
  if (built.residual.length > 0) {
    const { residual } = built;
    const matching = budget.filter(rows, (row) => residual.every((clause, i) => matchesClause(clause, residualValue(row[`x${i}`]))));
    rows = matching.slice(offset, offset + maxResults + 1);
  }

  const hasMore = rows.length > maxResults;
  const page = hasMore ? rows.slice(0, maxResults) : rows;
  const items = await loadRuns(db, page.map((row) => row.id));
  const last = page.at(-1);
  return { items, nextPageToken: hasMore && last ? createSeekToken(seekValues(last, built.sortColumns), signature) : null };
}

function seekValues(row: ResultRow, columns: readonly SortColumn[]) {
  return columns.map((column, i) => toSeekValue(row[`s${i}`], column.kind));
}

/** The runs of `ids`, whole, in that order (one deleted meanwhile is left out). */
async function loadRuns(db: DbClient, ids: readonly string[]): Promise<Run[]> {
  const byId = new Map<string, Run>();
  for (const chunk of chunks(ids, IN_CHUNK)) {
    for (const row of await db.run.findMany({ where: { id: { in: chunk } }, include: runInclude })) byId.set(row.id, toRun(row));
  }
  return ids.map((id) => byId.get(id)).filter((run): run is Run => run !== undefined);
}
