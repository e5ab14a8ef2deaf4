/**
 * Matching parsed clauses in memory, with MLflow's LIKE rules (LIKE case-sensitive, ILIKE not),
 * which SQLite and PostgreSQL would each apply differently.
 */
import type { Clause } from "./filter";

/** SQL LIKE as a regex: `%` any run, `_` one character. */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = "";
  for (const ch of pattern) {
    if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, caseInsensitive ? "iu" : "u");
}

/**
 * Whether a value satisfies a clause. An absent value (a run without that metric, param or tag)
 * satisfies nothing but IS NULL, as MLflow's inner joins behave.
 */
export function matchesClause(clause: Clause, actual: string | number | null | undefined): boolean {
  const { comparator, value: expected } = clause;
  if (comparator === "IS NULL") return actual === null || actual === undefined;
  if (comparator === "IS NOT NULL") return actual !== null && actual !== undefined;
  if (actual === null || actual === undefined) return false;
  switch (comparator) {
    case "=":
      return actual === expected;
    case "!=":
      return actual !== expected;
    case "<":
      return typeof expected === "number" && typeof actual === "number" && actual < expected;
    case "<=":
      return typeof expected === "number" && typeof actual === "number" && actual <= expected;
    case ">":
      return typeof expected === "number" && typeof actual === "number" && actual > expected;
    case ">=":
      return typeof expected === "number" && typeof actual === "number" && actual >= expected;
    case "LIKE":
    case "ILIKE":
      return typeof expected === "string" && likeToRegExp(expected, comparator === "ILIKE").test(String(actual));
    case "IN":
      return Array.isArray(expected) && expected.includes(String(actual));
    case "NOT IN":
      return Array.isArray(expected) && !expected.includes(String(actual));
  }
}
