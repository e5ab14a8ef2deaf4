/**
 * MLflow's `order_by` clauses (`metrics.rmse ASC`, `params.alpha DESC`, `start_time`) and the
 * ordering rules of its SQL store: within each clause, values first, then NaN (metrics), then
 * absent values, whatever the direction; ties broken by the search's own tie-breakers.
 */
import { TrackingError } from "@/lib/tracking/protocol";
import { ENTITY_PREFIXES, type EntityType } from "./entity-prefixes";
import type { FilterGrammar } from "./filter";

export interface OrderByClause {
  type: EntityType;
  key: string;
  ascending: boolean;
}

function unquote(text: string): string {
  const first = text[0];
  if (text.length >= 2 && (first === '"' || first === "`") && text.endsWith(first)) return text.slice(1, -1);
  return text;
}

export function parseOrderBy(clause: string, grammar: FilterGrammar): OrderByClause {
  const couldNotParse = () => TrackingError.invalidParameterValue(`Invalid order_by clause '${clause}'. Could not be parsed.`);
  const found = /^\s*(.+?)(?:\s+(ASC|DESC))?\s*$/isu.exec(clause);
  if (!found?.[1]) throw couldNotParse();
  const identifier = found[1].trim();
  const ascending = (found[2] ?? "ASC").toUpperCase() === "ASC";

  let type: EntityType = "attribute";
  let key = unquote(identifier);
  const dot = identifier.indexOf(".");
  if (dot > 0 && !/^["`]/.test(identifier)) {
    const prefix = ENTITY_PREFIXES[identifier.slice(0, dot).toLowerCase()];
    if (prefix === undefined) throw couldNotParse();
    type = prefix;
    key = unquote(identifier.slice(dot + 1));
  }
  const rawKey = dot > 0 && type !== "attribute" ? identifier.slice(dot + 1) : identifier;
  // An unquoted key cannot hold spaces: `metrics.my key` is not a clause MLflow can parse.
  if (key === "" || (!/^["`]/.test(rawKey) && /\s/.test(rawKey))) throw couldNotParse();
  if (!grammar.entities.includes(type)) {
    throw TrackingError.invalidParameterValue(`Invalid order_by entity: ${type}`);
  }
  if (type === "attribute") {
    key = grammar.attributeAliases?.[key] ?? key;
    if (!grammar.stringAttributes.includes(key) && !grammar.numericAttributes.includes(key)) {
      throw TrackingError.invalidParameterValue(
        `Invalid attribute key '${key}' specified. Valid keys are ` +
          `'${[...grammar.stringAttributes, ...grammar.numericAttributes].join("', '")}'`,
      );
    }
  }
  return { type, key, ascending };
}

export function parseOrderByList(orderBy: readonly string[] | undefined, grammar: FilterGrammar): OrderByClause[] {
  const clauses = (orderBy ?? []).filter((c) => c.trim() !== "").map((c) => parseOrderBy(c, grammar));
  const seen = new Set<string>();
  for (const clause of clauses) {
    const id = `${clause.type}:${clause.key}`;
    if (seen.has(id)) {
      throw TrackingError.invalidParameterValue(`\`order_by\` contains duplicate fields: [${(orderBy ?? []).map((c) => `'${c}'`).join(", ")}]`);
    }
    seen.add(id);
  }
  return clauses;
}

/** A sortable value: absent, NaN, or a number/string. */
export type SortValue = number | string | null | undefined;

/** Rank of a value's kind: present values first, then NaN, then absent ones (never reversed). */
function kindRank(value: SortValue): number {
  if (value === null || value === undefined) return 2;
  if (typeof value === "number" && Number.isNaN(value)) return 1;
  return 0;
}

/** Compares two values of one clause under MLflow's rule. */
export function compareSortValues(a: SortValue, b: SortValue, ascending: boolean): number {
  const rank = kindRank(a) - kindRank(b);
  if (rank !== 0) return rank;
  if (kindRank(a) !== 0 || a === b) return 0;
  const order = (a as number | string) < (b as number | string) ? -1 : 1;
  return ascending ? order : -order;
}
