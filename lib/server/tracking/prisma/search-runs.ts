/**
 * search-runs: MLflow's filter and order_by over a workspace's runs.
 *
 * Clauses with an exact SQL meaning (metric comparisons, param/tag/attribute equality, IN, NULL
 * tests) become a Prisma `where`. LIKE/ILIKE are matched in memory (SQLite and PostgreSQL
 * disagree on LIKE's case rules; MLflow's are: LIKE case-sensitive, ILIKE not). When nothing is
 * left for memory and the order is on attributes only, the database sorts and pages; otherwise the
 * matching runs are sorted and paged here (a learner's workspace holds hundreds of runs, not
 * millions).
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
  type Clause,
  type OrderByClause,
  type SortValue,
} from "@/lib/server/search";
import { SEARCH_MAX_RESULTS_DEFAULT, validateSearchMaxResults } from "@/lib/tracking/protocol";
import type { PagedList, Run } from "../entities";
import type { SearchRunsQuery } from "../store";
import { lifecycleStagesFor, parseExperimentNumber } from "./experiments";
import { runInclude, toRun } from "./mappers";

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

export async function searchRuns(db: DbClient, workspaceId: string, query: SearchRunsQuery): Promise<PagedList<Run>> {
  const maxResults = query.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT;
  validateSearchMaxResults(maxResults);
  const clauses = parseFilter(query.filter, RUN_GRAMMAR);
  const orderBy = withTieBreakers(parseOrderByList(query.orderBy, RUN_GRAMMAR));
  const offset = parseStartOffset(query.pageToken);

  const numbers = query.experimentIds.map(parseExperimentNumber).filter((n): n is number => n !== null);
  if (numbers.length === 0) return { items: [], nextPageToken: null };

  const pushed: Prisma.RunWhereInput[] = [];
  const residual: Clause[] = [];
  for (const clause of clauses) {
    const where = toWhere(clause);
    if (where) pushed.push(where);
    else residual.push(clause);
  }
  const where: Prisma.RunWhereInput = {
    experiment: { workspaceId, number: { in: numbers } },
    lifecycleStage: { in: lifecycleStagesFor(query.runViewType) },
    AND: pushed,
  };

  if (residual.length === 0 && orderBy.every((c) => c.type === "attribute")) {
    const rows = await db.run.findMany({
      where,
      include: runInclude,
      orderBy: orderBy.map(toOrderByInput),
      skip: offset,
      take: maxResults + 1,
    });
    return pageOf(rows.map(toRun), offset, maxResults);
  }

  const rows = await db.run.findMany({ where, include: runInclude });
  const matching = rows
    .map(toRun)
    .filter((run) => residual.every((clause) => matchesClause(clause, valueOf(run, clause.type, clause.key))))
    .sort(compareRuns(orderBy));
  return pageOf(matching.slice(offset, offset + maxResults + 1), offset, maxResults);
}
