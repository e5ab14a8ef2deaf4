/**
 * Matching parsed clauses in memory, with MLflow's LIKE rules (LIKE case-sensitive, ILIKE not),
 * which SQLite and PostgreSQL would each apply differently.
 */
import type { Clause } from "./filter";
import { compileLike, matchesCompiledLike, type CompiledLike } from "./like";

/**
 * What a clause's value becomes once, not once per row: a compiled LIKE pattern, or the set of an
 * IN list (a `run_id IN (…)` may hold a thousand ids). Keyed by the parsed clause object, so it
 * lives as long as the search that parsed it.
 */
const prepared = new WeakMap<Clause, CompiledLike | ReadonlySet<string>>();

function likeOf(clause: Clause, pattern: string): CompiledLike {
  let like = prepared.get(clause) as CompiledLike | undefined;
  if (!like) {
    like = compileLike(pattern, clause.comparator === "ILIKE");
    prepared.set(clause, like);
  }
  return like;
}

function setOf(clause: Clause, values: readonly string[]): ReadonlySet<string> {
  let set = prepared.get(clause) as ReadonlySet<string> | undefined;
  if (!set) {
    set = new Set(values);
    prepared.set(clause, set);
  }
  return set;
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
      return typeof expected === "string" && matchesCompiledLike(likeOf(clause, expected), String(actual));
    case "IN":
      return Array.isArray(expected) && setOf(clause, expected).has(String(actual));
    case "NOT IN":
      return Array.isArray(expected) && !setOf(clause, expected).has(String(actual));
  }
}
