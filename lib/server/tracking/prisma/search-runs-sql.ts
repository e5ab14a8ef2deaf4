/**
 * The SQL of search-runs: MLflow's filter, order_by and page in one statement, the same text for
 * SQLite and PostgreSQL but for LIKE's operators and PostgreSQL's `COLLATE "C"` on sorted text.
 * Every value from the request is a bound parameter; what is spliced in is this module's own
 * text (table and column names, operators from fixed lists) and experiment ids read from the
 * database (integers, checked).
 *
 * Which index serves what (prisma/schema.prisma):
 * - the runs of the searched experiments: `Run(experimentId, startTime)` — a range per
 *   experiment, read newest first for the default order;
 * - a metric filter or sort: `LatestMetric(runId, key)` (its primary key) — one lookup per run;
 *   `LatestMetric(key, value)` serves a metric filter that PostgreSQL's planner or SQLite's
 *   prefers to drive from the metric side (a selective `metrics.x > v`);
 * - a param or tag filter or sort: `Param(runId, key)` / `RunTag(runId, key)`, their primary keys;
 * - attributes (run_name, status…), LIKE on anything: read on the run row or the joined row; a
 *   `%abc%` can use no index, so it costs one pattern match per run of the experiments, bounded
 *   per row (like-sql.ts).
 * Ordering then keeps the top rows of that set (SQLite's sorter with LIMIT, PostgreSQL's top-N
 * heapsort): a page costs one pass over the experiments' runs, whichever page it is, since the
 * page starts after a key (seek-token.ts) and not after an offset that would be read and dropped.
 */
import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { likeForSql, SQL_VALUE_LIMIT, type Clause, type OrderByClause, type SeekValue, type SqlDialect } from "@/lib/server/search";

/** How a sort column's value is carried in a page token and bound back. */
export type SortKind = "int" | "float" | "bigint" | "text";

export interface SortColumn {
  expression: Sql;
  ascending: boolean;
  kind: SortKind;
}

/** A clause SQL cannot decide alone: its value is selected so that memory can. */
export interface ResidualColumn {
  clause: Clause;
  expression: Sql;
}

export interface RunSearchSql {
  /** Selects `id`, `s0…sN` (the sort key) and `x0…xM` (the values of the clauses memory confirms). */
  query: Sql;
  sortColumns: SortColumn[];
  residual: Clause[];
}

export interface RunSearchSpec {
  dialect: SqlDialect;
  /** Internal experiment ids (Experiment.id), read from the database. */
  experimentIds: readonly number[];
  lifecycleStages: readonly string[];
  clauses: readonly Clause[];
  /** order_by with MLflow's tie-breakers already appended (run_id last). */
  orderBy: readonly OrderByClause[];
  /** Start strictly after this key (one value per sort column), if any. */
  after: readonly SeekValue[] | null;
  /** Rows to return. */
  limit: number;
  /** Rows to skip first (an offset token), when SQL decides every clause; otherwise the caller skips confirmed rows. */
  offset: number;
  /** Bound values that IN lists may use in total; longer lists are checked in memory. */
  listParameters: number;
}

const RUN_COLUMNS: Readonly<Record<string, { column: string; kind: SortKind; nullable?: true }>> = {
  run_id: { column: "id", kind: "text" },
  run_name: { column: "name", kind: "text" },
  status: { column: "status", kind: "text" },
  user_id: { column: "userId", kind: "text" },
  artifact_uri: { column: "artifactUri", kind: "text" },
  start_time: { column: "startTime", kind: "bigint" },
  end_time: { column: "endTime", kind: "bigint", nullable: true },
};

const COMPARISONS: Readonly<Record<string, string>> = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** A table or column name of this module's own (never learner text), double-quoted. */
function ident(name: string): Sql {
  return raw(`"${name}"`);
}

function runColumn(key: string): Sql {
  const found = RUN_COLUMNS[key];
  if (!found) throw new Error(`unexpected run attribute ${key}`);
  return sql`r.${ident(found.column)}`;
}

/**
 * Text as sorted and compared in a page's seek: code point order on both databases (SQLite's
 * BINARY compares UTF-8 bytes; PostgreSQL's default collation would sort by locale).
 */
function sortableText(expression: Sql, dialect: SqlDialect): Sql {
  return dialect === "postgresql" ? sql`(${expression} COLLATE "C")` : expression;
}

/**
 * `value LIKE/ILIKE pattern` with MLflow's rules, as a superset that memory confirms: values
 * longer than SQL_VALUE_LIMIT pass unmatched, and the pattern may be a looser one (like-sql.ts),
 * so that no row costs SQL more than a bounded match.
 */
function likeCondition(value: Sql, clause: Clause, dialect: SqlDialect): Sql {
  const like = likeForSql(String(clause.value), clause.comparator === "ILIKE", dialect);
  let match: Sql;
  if (like.operator === "GLOB") match = sql`${value} GLOB ${like.pattern}`;
  else if (like.operator === "LIKE") match = sql`${value} LIKE ${like.pattern} ESCAPE '\\'`;
  else if (dialect === "sqlite") match = sql`${value} LIKE ${like.pattern} ESCAPE '\\'`;
  else match = sql`(${value} COLLATE "C") ILIKE ${like.pattern} ESCAPE '\\'`;
  // Left to right: the length is read first, and a long value skips the match.
  return sql`(length(${value}) > ${raw(String(SQL_VALUE_LIMIT))} OR ${match})`;
}

function keyValueTable(type: "param" | "tag"): Sql {
  return ident(type === "param" ? "Param" : "RunTag");
}

class Builder {
  readonly joins: Sql[] = [];
  readonly where: Sql[] = [];
  readonly residual: ResidualColumn[] = [];
  readonly sortColumns: SortColumn[] = [];
  listParametersLeft: number;

  constructor(readonly spec: RunSearchSpec) {
    this.listParametersLeft = spec.listParameters;
  }

  /** A clause as a condition on the run `r`; null when only memory can decide it. */
  condition(clause: Clause): Sql | null {
    const { type, key, comparator, value } = clause;
    const { dialect } = this.spec;
    if (type === "metric") {
      const op = COMPARISONS[comparator];
      if (!op || typeof value !== "number" || Number.isNaN(value)) return null;
      // A NaN value satisfies no comparison (IEEE's rule, and this store's before searches ran in SQL).
      return sql`EXISTS (SELECT 1 FROM "LatestMetric" m WHERE m."runId" = r."id" AND m."key" = ${key} AND m."isNan" = FALSE AND m."value" ${raw(op)} ${value})`;
    }
    if (type === "param" || type === "tag") {
      const table = keyValueTable(type);
      const row = sql`SELECT 1 FROM ${table} kv WHERE kv."runId" = r."id" AND kv."key" = ${key}`;
      if (comparator === "IS NULL") return sql`NOT EXISTS (${row})`;
      if (comparator === "IS NOT NULL") return sql`EXISTS (${row})`;
      if (typeof value !== "string") return null;
      if (comparator === "=" || comparator === "!=") return sql`EXISTS (${row} AND kv."value" ${raw(COMPARISONS[comparator]!)} ${value})`;
      if (comparator === "LIKE" || comparator === "ILIKE") {
        this.keepForMemory(clause);
        return sql`EXISTS (${row} AND ${likeCondition(sql`kv."value"`, clause, dialect)})`;
      }
      return null;
    }
    const column = runColumn(key);
    const attribute = RUN_COLUMNS[key]!;
    if (attribute.kind === "bigint") {
      const op = COMPARISONS[comparator];
      if (!op || typeof value !== "number" || !Number.isSafeInteger(value)) return null;
      // A run without end_time matches no comparison, as NULL in SQL.
      return sql`${column} ${raw(op)} ${BigInt(value)}`;
    }
    if ((comparator === "=" || comparator === "!=") && typeof value === "string") return sql`${column} ${raw(COMPARISONS[comparator]!)} ${value}`;
    if ((comparator === "LIKE" || comparator === "ILIKE") && typeof value === "string") {
      this.keepForMemory(clause);
      return likeCondition(column, clause, dialect);
    }
    if ((comparator === "IN" || comparator === "NOT IN") && Array.isArray(value)) {
      const values = [...new Set(value as readonly string[])];
      if (values.length > this.listParametersLeft) return null;
      this.listParametersLeft -= values.length;
      if (values.length === 0) return comparator === "IN" ? raw("1 = 0") : raw("1 = 1");
      return sql`${column} ${raw(comparator)} (${join(values)})`;
    }
    return null;
  }

  /** Selects the clause's value so that memory can decide it (alone, or after SQL's superset). */
  keepForMemory(clause: Clause): void {
    const { type, key } = clause;
    let expression: Sql;
    if (type === "param" || type === "tag") {
      expression = sql`(SELECT kv."value" FROM ${keyValueTable(type)} kv WHERE kv."runId" = r."id" AND kv."key" = ${key})`;
    } else if (type === "metric") {
      // Unreachable with MLflow's grammar (every metric comparison is SQL's); kept total.
      expression = sql`(SELECT CASE WHEN m."isNan" = TRUE THEN NULL ELSE m."value" END FROM "LatestMetric" m WHERE m."runId" = r."id" AND m."key" = ${key})`;
    } else {
      expression = runColumn(key);
    }
    this.residual.push({ clause, expression });
  }

  /**
   * An order clause as sort columns, with MLflow's rule that absent values come last whatever the
   * direction (its `CASE WHEN … IS NULL` clause), and NaN metrics after numbers and before
   * absent ones. Each column is never NULL, so that a page's seek is a plain comparison.
   */
  order(clause: OrderByClause, index: number): void {
    const { dialect } = this.spec;
    const alias = raw(`o${index}`);
    const { ascending } = clause;
    if (clause.type === "metric") {
      this.joins.push(sql`LEFT JOIN "LatestMetric" ${alias} ON ${alias}."runId" = r."id" AND ${alias}."key" = ${clause.key}`);
      this.sortColumns.push({
        expression: sql`(CASE WHEN ${alias}."runId" IS NULL THEN 2 WHEN ${alias}."isNan" = TRUE THEN 1 ELSE 0 END)`,
        ascending: true,
        kind: "int",
      });
      // NaN is stored as 0 with isNan: its value never decides, the rank above does.
      this.sortColumns.push({ expression: sql`COALESCE(${alias}."value", 0.0)`, ascending, kind: "float" });
      return;
    }
    if (clause.type === "param" || clause.type === "tag") {
      this.joins.push(sql`LEFT JOIN ${keyValueTable(clause.type)} ${alias} ON ${alias}."runId" = r."id" AND ${alias}."key" = ${clause.key}`);
      this.sortColumns.push({ expression: sql`(CASE WHEN ${alias}."runId" IS NULL THEN 1 ELSE 0 END)`, ascending: true, kind: "int" });
      this.sortColumns.push({ expression: sortableText(sql`COALESCE(${alias}."value", '')`, dialect), ascending, kind: "text" });
      return;
    }
    const attribute = RUN_COLUMNS[clause.key];
    if (!attribute) throw new Error(`unexpected run attribute ${clause.key}`);
    const column = runColumn(clause.key);
    if (attribute.nullable) {
      this.sortColumns.push({ expression: sql`(CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END)`, ascending: true, kind: "int" });
      this.sortColumns.push({ expression: sql`COALESCE(${column}, 0)`, ascending, kind: attribute.kind });
      return;
    }
    this.sortColumns.push({ expression: attribute.kind === "text" ? sortableText(column, dialect) : column, ascending, kind: attribute.kind });
  }

  /** Rows strictly after `values` in the sort order: (c0 > v0) OR (c0 = v0 AND (c1 > v1 OR …)). */
  seek(values: readonly SeekValue[]): Sql {
    if (values.length !== this.sortColumns.length) throw new TypeError(`page token holds ${values.length} values, not ${this.sortColumns.length}`);
    const bound = values.map((value, i) => toBound(value, this.sortColumns[i]!.kind));
    let condition: Sql | null = null;
    for (let i = this.sortColumns.length - 1; i >= 0; i -= 1) {
      const { expression, ascending } = this.sortColumns[i]!;
      const after = sql`${expression} ${raw(ascending ? ">" : "<")} ${bound[i]}`;
      condition = condition === null ? after : sql`(${after} OR (${expression} = ${bound[i]} AND ${condition}))`;
    }
    return condition ?? raw("1 = 1");
  }
}

/** A token's value as the column's type; a token of the wrong shape is refused before SQL sees it. */
function toBound(value: SeekValue, kind: SortKind): number | bigint | string {
  const invalid = () => new TypeError(`page token value ${JSON.stringify(value)} is not a ${kind}`);
  if (kind === "text") {
    if (typeof value !== "string") throw invalid();
    return value;
  }
  if (kind === "bigint") {
    if (typeof value !== "string" || !/^-?\d{1,19}$/.test(value)) throw invalid();
    return BigInt(value);
  }
  if (typeof value !== "number" || (kind === "int" && !Number.isSafeInteger(value))) throw invalid();
  return value;
}

/** A sort column's value as a page token carries it. */
export function toSeekValue(value: unknown, kind: SortKind): SeekValue {
  if (kind === "text") return String(value);
  if (kind === "bigint") return String(value);
  return Number(value);
}

/** Builds the statement; throws a TypeError for a token whose values do not fit the order. */
export function buildRunSearch(spec: RunSearchSpec): RunSearchSql {
  const builder = new Builder(spec);
  for (const [index, clause] of spec.orderBy.entries()) builder.order(clause, index);

  const conditions: Sql[] = [];
  for (const clause of spec.clauses) {
    const condition = builder.condition(clause);
    if (condition) conditions.push(condition);
    else builder.keepForMemory(clause);
  }
  if (spec.after) conditions.push(builder.seek(spec.after));

  const ids = spec.experimentIds.map((id) => {
    if (!Number.isSafeInteger(id)) throw new Error(`experiment id ${id} is not an integer`);
    return String(id);
  });
  const selected = [
    sql`r."id" AS id`,
    ...builder.sortColumns.map((c, i) => sql`${c.expression} AS ${raw(`s${i}`)}`),
    ...builder.residual.map((c, i) => sql`${c.expression} AS ${raw(`x${i}`)}`),
  ];
  const orderBy = builder.sortColumns.map((c, i) => raw(`s${i} ${c.ascending ? "ASC" : "DESC"}`));
  const query = sql`SELECT ${join(selected)} FROM "Run" r ${builder.joins.length > 0 ? join(builder.joins, " ") : empty}
    WHERE r."experimentId" IN (${raw(ids.join(", "))}) AND r."lifecycleStage" IN (${join([...spec.lifecycleStages])})
    ${conditions.length > 0 ? sql`AND ${join(conditions, " AND ")}` : empty}
    ORDER BY ${join(orderBy)}
    LIMIT ${spec.limit} OFFSET ${builder.residual.length > 0 ? 0 : spec.offset}`;
  return { query, sortColumns: builder.sortColumns, residual: builder.residual.map((c) => c.clause) };
}
