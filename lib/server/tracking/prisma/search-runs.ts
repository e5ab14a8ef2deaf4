/**
 * search-runs: MLflow's filter and order_by over a workspace's runs.
 *
 * Clauses with an exact SQL meaning (metric comparisons, param/tag/attribute equality, IN, NULL
 * tests) become a Prisma `where`. LIKE/ILIKE are matched in memory (SQLite and PostgreSQL
 * disagree on LIKE's case rules; MLflow's are: LIKE case-sensitive, ILIKE not). When nothing is
 * left for memory, one query suffices and the order is on attributes only, the database sorts and
 * pages; otherwise the matching runs are sorted and paged here (a learner's workspace holds
 * hundreds of runs, not millions), within the search's time budget. Long lists (experiment_ids,
 * run_id IN) are split so that no query exceeds the database's bound parameters.
 */
import type { Prisma } from "@/lib/server/db";
import type { DbClient } from "@/lib/server/db/helpers";
import {
  compareSortValues,
  matchesClause,
  pageOf,
  parseFilter,
  parseOrderByList,
  parseStartOffset,
  RUN_GRAMMAR,
  startSearchBudget,
  type Clause,
  type OrderByClause,
  type SearchBudget,
  type SortValue,
} from "@/lib/server/search";
import { SEARCH_MAX_RESULTS_DEFAULT, validateSearchMaxResults } from "@/lib/tracking/protocol";
import type { PagedList, Run } from "../entities";
import type { SearchRunsQuery } from "../store";
import { lifecycleStagesFor, parseExperimentNumber } from "./experiments";
import { runInclude, toRun, type RunRow } from "./mappers";

/**
 * Bound parameters per query are limited: 999 on SQLite through Prisma (P2029 beyond, a 500),
 * 32 767 on PostgreSQL. A query carries at most one chunk of experiment numbers and one of run
 * ids (IN_CHUNK each), clauses worth at most CLAUSE_PARAMETERS, and a handful more (workspace,
 * lifecycle stages, limit, offset): 300 + 300 + 300 + a few stays under 999. MLflow sets no limit
 * on these lists, so longer ones are split across queries or checked in memory, never refused.
 */
const IN_CHUNK = 300;
const CLAUSE_PARAMETERS = 300;

/** Parameters a pushed clause binds, at most: a list's values, else key, value and a flag. */
function parameterCost(clause: Clause): number {
  return Array.isArray(clause.value) ? clause.value.length : 3;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

const STRING_FIELDS = { run_id: "id", run_name: "name", status: "status", user_id: "userId", artifact_uri: "artifactUri" } as const;
const NUMERIC_FIELDS = { start_time: "startTime", end_time: "endTime" } as const;

type NumericOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

function numberFilter<T extends number | bigint>(op: NumericOp, value: T) {
  switch (op) {
    case "=":
      return { equals: value };
    case "!=":
      return { not: value };
    case "<":
      return { lt: value };
    case "<=":
      return { lte: value };
    case ">":
      return { gt: value };
    case ">=":
      return { gte: value };
  }
}

/** The Prisma condition equivalent to a clause, or null when only memory can decide it. */
function toWhere(clause: Clause): Prisma.RunWhereInput | null {
  const { type, key, comparator, value } = clause;
  if (type === "metric") {
    if (typeof value !== "number" || Number.isNaN(value)) return null;
    return { latestMetrics: { some: { key, isNan: false, value: numberFilter(comparator as NumericOp, value) } } };
  }
  if (type === "param" || type === "tag") {
    const relation = type === "param" ? "params" : "tags";
    if (comparator === "IS NULL") return { [relation]: { none: { key } } };
    if (comparator === "IS NOT NULL") return { [relation]: { some: { key } } };
    if (typeof value !== "string") return null;
    if (comparator === "=") return { [relation]: { some: { key, value } } };
    if (comparator === "!=") return { [relation]: { some: { key, value: { not: value } } } };
    return null;
  }
  if (key in NUMERIC_FIELDS) {
    if (typeof value !== "number" || !Number.isSafeInteger(value)) return null;
    const field = NUMERIC_FIELDS[key as keyof typeof NUMERIC_FIELDS];
    const condition: Prisma.RunWhereInput = { [field]: numberFilter(comparator as NumericOp, BigInt(value)) };
    // A run without end_time matches no comparison, as NULL in SQL.
    return field === "endTime" ? { AND: [condition, { endTime: { not: null } }] } : condition;
  }
  const field = STRING_FIELDS[key as keyof typeof STRING_FIELDS];
  if (comparator === "=" && typeof value === "string") return { [field]: value };
  if (comparator === "!=" && typeof value === "string") return { [field]: { not: value } };
  if (comparator === "IN" && Array.isArray(value)) return { [field]: { in: [...value] } };
  if (comparator === "NOT IN" && Array.isArray(value)) return { [field]: { notIn: [...value] } };
  return null;
}

function attributeOf(run: Run, key: string): string | number | null {
  const { info } = run;
  switch (key) {
    case "run_id":
      return info.runId;
    case "run_name":
      return info.runName;
    case "status":
      return info.status;
    case "user_id":
      return info.userId;
    case "artifact_uri":
      return info.artifactUri;
    case "start_time":
      return info.startTime;
    case "end_time":
      return info.endTime;
    default:
      throw new Error(`unexpected run attribute ${key}`);
  }
}

function valueOf(run: Run, type: Clause["type"], key: string): SortValue {
  if (type === "metric") return run.data.metrics.find((m) => m.key === key)?.value;
  if (type === "param") return run.data.params.find((p) => p.key === key)?.value;
  if (type === "tag") return run.data.tags.find((t) => t.key === key)?.value;
  return attributeOf(run, key);
}

/**
 * A clause's value for the in-memory filter: as valueOf, except that a NaN metric satisfies no
 * comparison, as the database's `isNan: false` has it for the clauses it applies.
 */
function filterValueOf(run: Run, clause: Clause): SortValue {
  const value = valueOf(run, clause.type, clause.key);
  return clause.type === "metric" && typeof value === "number" && Number.isNaN(value) ? undefined : value;
}

/** The order clauses plus MLflow's tie-breakers: start_time DESC (unless ordered on), then run_id. */
function withTieBreakers(orderBy: OrderByClause[]): OrderByClause[] {
  const clauses = [...orderBy];
  if (!clauses.some((c) => c.type === "attribute" && c.key === "start_time")) {
    clauses.push({ type: "attribute", key: "start_time", ascending: false });
  }
  clauses.push({ type: "attribute", key: "run_id", ascending: true });
  return clauses;
}

function compareRuns(orderBy: readonly OrderByClause[]) {
  return (a: Run, b: Run): number => {
    for (const clause of orderBy) {
      const c = compareSortValues(valueOf(a, clause.type, clause.key), valueOf(b, clause.type, clause.key), clause.ascending);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function toOrderByInput(clause: OrderByClause): Prisma.RunOrderByWithRelationInput {
  const sort = clause.ascending ? "asc" : "desc";
  if (clause.key === "end_time") return { endTime: { sort, nulls: "last" } };
  const field = clause.key in NUMERIC_FIELDS ? NUMERIC_FIELDS[clause.key as keyof typeof NUMERIC_FIELDS] : STRING_FIELDS[clause.key as keyof typeof STRING_FIELDS];
  return { [field]: sort };
}

/** `budget` bounds the time spent filtering and sorting in memory (started at the call by default). */
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
  const offset = parseStartOffset(query.pageToken);

  let numbers = unique(query.experimentIds.map(parseExperimentNumber).filter((n): n is number => n !== null));
  if (numbers.length === 0) return { items: [], nextPageToken: null };
  if (numbers.length > IN_CHUNK) {
    // A long list names mostly experiments that do not exist: keep the workspace's own.
    const existing = await db.experiment.findMany({ where: { workspaceId }, select: { number: true } });
    const wanted = new Set(numbers);
    numbers = existing.map((e) => e.number).filter((n) => wanted.has(n));
    if (numbers.length === 0) return { items: [], nextPageToken: null };
  }

  const pushed: Prisma.RunWhereInput[] = [];
  const residual: Clause[] = [];
  /** The one long `run_id IN (…)` split across queries; null when there is none. */
  let split: { clause: Clause; ids: string[] } | null = null;
  let spent = 0;
  for (const clause of clauses) {
    if (clause.comparator === "IN" && Array.isArray(clause.value) && clause.value.length > IN_CHUNK && split === null) {
      split = { clause, ids: unique(clause.value) };
      continue;
    }
    // What does not fit (a long NOT IN cannot be split into a union of queries) is checked in
    // memory instead: matchesClause gives the same answer, and a list becomes a set lookup.
    const cost = parameterCost(clause);
    const where = spent + cost <= CLAUSE_PARAMETERS ? toWhere(clause) : null;
    if (where) {
      pushed.push(where);
      spent += cost;
    } else {
      residual.push(clause);
    }
  }
  if (split && numbers.length > IN_CHUNK) {
    // Splitting both lists would multiply the queries: the run ids are checked in memory instead.
    residual.push(split.clause);
    split = null;
  }
  const lifecycleStage = { in: lifecycleStagesFor(query.runViewType) };
  // Chunks of distinct values are disjoint, so the queries' answers are too: no run comes twice.
  const wheres: Prisma.RunWhereInput[] = chunks(numbers, IN_CHUNK).flatMap((chunk) =>
    (split ? chunks(split.ids, IN_CHUNK) : [null]).map((ids) => ({
      experiment: { workspaceId, number: { in: chunk } },
      lifecycleStage,
      AND: ids ? [...pushed, { id: { in: ids } }] : pushed,
    })),
  );

  const [single] = wheres;
  if (wheres.length === 1 && single && residual.length === 0 && orderBy.every((c) => c.type === "attribute")) {
    const rows = await db.run.findMany({
      where: single,
      include: runInclude,
      orderBy: orderBy.map(toOrderByInput),
      skip: offset,
      take: maxResults + 1,
    });
    return pageOf(rows.map(toRun), offset, maxResults);
  }

  const rows: RunRow[] = [];
  for (const where of wheres) rows.push(...(await db.run.findMany({ where, include: runInclude })));
  const matching = budget.sort(
    budget.filter(budget.map(rows, toRun), (run) => residual.every((clause) => matchesClause(clause, filterValueOf(run, clause)))),
    compareRuns(orderBy),
  );
  return pageOf(matching.slice(offset, offset + maxResults + 1), offset, maxResults);
}
