/**
 * MLflow's search filter language (mlflow/utils/search_utils.py), the subset this server's
 * searches accept: clauses joined by AND, each `<entity>.<key> <comparator> <value>`.
 *
 *   metrics.rmse < 0.8 AND params.alpha = '0.5' AND tags."team name" LIKE 'a%'
 *   attributes.status = 'FINISHED' AND run_id IN ('a1…', 'b2…')      (no prefix means attribute)
 *
 * Keys with special characters are quoted with double quotes or backticks. OR and parentheses
 * are not supported, as in MLflow.
 */
import { TrackingError } from "@/lib/tracking/protocol";
import { ENTITY_PREFIXES, type EntityType } from "./entity-prefixes";

export type { EntityType };

export type Comparator =
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "LIKE"
  | "ILIKE"
  | "IN"
  | "NOT IN"
  | "IS NULL"
  | "IS NOT NULL";

export type ClauseValue = number | string | readonly string[] | null;

export interface Clause {
  type: EntityType;
  key: string;
  comparator: Comparator;
  value: ClauseValue;
}

/** What a search accepts: its entity types and attribute keys. */
export interface FilterGrammar {
  entities: readonly EntityType[];
  stringAttributes: readonly string[];
  numericAttributes: readonly string[];
  /** Attribute aliases (MLflow: `created` → `start_time`). */
  attributeAliases?: Readonly<Record<string, string>>;
}

const NUMERIC_COMPARATORS: readonly Comparator[] = ["=", "!=", ">", ">=", "<", "<="];
const STRING_COMPARATORS: readonly Comparator[] = ["=", "!=", "LIKE", "ILIKE"];
const KEY_VALUE_COMPARATORS: readonly Comparator[] = [...STRING_COMPARATORS, "IS NULL", "IS NOT NULL"];
const STRING_ATTRIBUTE_COMPARATORS: readonly Comparator[] = [...STRING_COMPARATORS, "IN", "NOT IN"];

function invalid(message: string): TrackingError {
  return TrackingError.invalidParameterValue(message);
}

/** A cursor over the filter text. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? "")) this.pos += 1;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** Matches a sticky regex at the cursor and advances past it. */
  match(pattern: RegExp): RegExpExecArray | null {
    this.skipSpace();
    const sticky = new RegExp(pattern.source, pattern.flags.includes("y") ? pattern.flags : `${pattern.flags}y`);
    sticky.lastIndex = this.pos;
    const found = sticky.exec(this.text);
    if (found) this.pos = sticky.lastIndex;
    return found;
  }

  /** A quoted run of text; `quote` doubled inside stands for itself (SQL style). */
  quoted(quote: string): string | null {
    this.skipSpace();
    if (this.text[this.pos] !== quote) return null;
    let out = "";
    let i = this.pos + 1;
    while (i < this.text.length) {
      const ch = this.text[i];
      if (ch === quote) {
        if (this.text[i + 1] === quote) {
          out += quote;
          i += 2;
          continue;
        }
        this.pos = i + 1;
        return out;
      }
      if (ch === "\\" && i + 1 < this.text.length) {
        out += this.text[i + 1];
        i += 2;
        continue;
      }
      out += ch;
      i += 1;
    }
    throw invalid(`Invalid filter string '${this.text}': unterminated quote ${quote}`);
  }

  rest(): string {
    return this.text.slice(this.pos).trim();
  }
}

const WORD = /[\p{L}\p{N}_]+/u;
const UNQUOTED_KEY = /[\p{L}\p{N}_.:/-]+/u;
const COMPARATOR =
  /(!=|<>|<=|>=|==|=|<|>|NOT\s+ILIKE\b|NOT\s+LIKE\b|NOT\s+IN\b|ILIKE\b|LIKE\b|IN\b|IS\s+NOT\s+NULL\b|IS\s+NULL\b)/iu;
const NUMBER = /[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(?![\p{L}\p{N}_.])/u;

function readQuotedOrNull(scanner: Scanner): string | null {
  return scanner.quoted('"') ?? scanner.quoted("`");
}

/** `<entity>.<key>`, `<entity>."<key>"`, or a bare attribute key. */
function readIdentifier(scanner: Scanner, grammar: FilterGrammar): { type: EntityType; key: string } {
  const quotedWhole = readQuotedOrNull(scanner);
  if (quotedWhole !== null) return resolveAttribute(quotedWhole, grammar);

  const word = scanner.match(WORD);
  if (!word) throw invalid(`Invalid clause(s) in filter string: '${scanner.rest()}'`);
  if (scanner.text[scanner.pos] !== ".") return resolveAttribute(word[0], grammar);

  scanner.pos += 1; // the dot
  const prefix = word[0].toLowerCase();
  const type = ENTITY_PREFIXES[prefix];
  if (type === undefined || !grammar.entities.includes(type)) {
    const valid = Object.entries(ENTITY_PREFIXES)
      .filter(([, t]) => grammar.entities.includes(t))
      .map(([name]) => `'${name}'`);
    throw invalid(`Invalid entity type '${word[0]}'. Valid values are [${valid.join(", ")}]`);
  }
  const key = readQuotedOrNull(scanner) ?? readUnquotedKey(scanner);
  return type === "attribute" ? resolveAttribute(key, grammar) : { type, key };
}

function readUnquotedKey(scanner: Scanner): string {
  // No space allowed between the dot and the key: read at the cursor itself.
  const sticky = new RegExp(UNQUOTED_KEY.source, "uy");
  sticky.lastIndex = scanner.pos;
  const found = sticky.exec(scanner.text);
  if (!found) throw invalid(`Invalid clause(s) in filter string: '${scanner.rest()}'`);
  scanner.pos = sticky.lastIndex;
  return found[0];
}

function resolveAttribute(rawKey: string, grammar: FilterGrammar): { type: "attribute"; key: string } {
  const key = grammar.attributeAliases?.[rawKey] ?? rawKey;
  if (!grammar.entities.includes("attribute")) {
    throw invalid(`Invalid clause(s) in filter string: attribute '${rawKey}' is not searchable here`);
  }
  if (!grammar.stringAttributes.includes(key) && !grammar.numericAttributes.includes(key)) {
    const valid = [...grammar.stringAttributes, ...grammar.numericAttributes];
    throw invalid(`Invalid attribute key '${rawKey}' specified. Valid keys are '${valid.join("', '")}'`);
  }
  return { type: "attribute", key };
}

function normalizeComparator(raw: string): Comparator {
  const upper = raw.toUpperCase().replace(/\s+/g, " ");
  if (upper === "<>") return "!=";
  if (upper === "==") return "=";
  if (upper === "NOT LIKE" || upper === "NOT ILIKE") {
    throw invalid(`Invalid comparator '${raw}': NOT LIKE is not supported`);
  }
  return upper as Comparator;
}

function allowedComparators(type: EntityType, key: string, grammar: FilterGrammar): readonly Comparator[] {
  if (type === "metric") return NUMERIC_COMPARATORS;
  if (type === "param" || type === "tag") return KEY_VALUE_COMPARATORS;
  return grammar.numericAttributes.includes(key) ? NUMERIC_COMPARATORS : STRING_ATTRIBUTE_COMPARATORS;
}

function readStringValue(scanner: Scanner): string | null {
  return scanner.quoted("'") ?? scanner.quoted('"');
}

function readValue(scanner: Scanner, type: EntityType, key: string, comparator: Comparator, grammar: FilterGrammar): ClauseValue {
  if (comparator === "IS NULL" || comparator === "IS NOT NULL") return null;
  if (comparator === "IN" || comparator === "NOT IN") {
    if (!scanner.match(/\(/)) throw invalid(`While parsing a list in the query, expected '(' after ${comparator}`);
    const items: string[] = [];
    do {
      const item = readStringValue(scanner);
      if (item === null) throw invalid(`While parsing a list in the query, expected string values: '${scanner.rest()}'`);
      items.push(item);
    } while (scanner.match(/,/));
    if (!scanner.match(/\)/)) throw invalid(`While parsing a list in the query, expected ')': '${scanner.rest()}'`);
    return items;
  }
  const numeric = type === "metric" || (type === "attribute" && grammar.numericAttributes.includes(key));
  if (numeric) {
    const found = scanner.match(NUMBER);
    if (!found) {
      const what = type === "metric" ? "metric" : `attribute '${key}'`;
      throw invalid(`Expected numeric value type for ${what}. Found ${scanner.rest().split(/\s+/)[0] ?? ""}`);
    }
    return Number(found[0]);
  }
  const text = readStringValue(scanner);
  if (text === null) {
    const label = type === "attribute" ? "attribute" : type === "param" ? "parameter" : type;
    throw invalid(
      `Expected a quoted string value for ${label} (e.g. 'my-value'). Got value ${scanner.rest().split(/\s+/)[0] ?? ""}`,
    );
  }
  return text;
}

/** Parses a filter string into AND-ed clauses; "" and undefined mean no clause. */
export function parseFilter(filter: string | null | undefined, grammar: FilterGrammar): Clause[] {
  if (filter === null || filter === undefined || filter.trim() === "") return [];
  const scanner = new Scanner(filter);
  const clauses: Clause[] = [];
  for (;;) {
    const { type, key } = readIdentifier(scanner, grammar);
    const rawComparator = scanner.match(COMPARATOR);
    if (!rawComparator) throw invalid(`Invalid clause(s) in filter string: '${filter}'`);
    const comparator = normalizeComparator(rawComparator[0]);
    const allowed = allowedComparators(type, key, grammar);
    if (!allowed.includes(comparator)) {
      throw invalid(`Invalid comparator '${rawComparator[0]}' not one of '[${allowed.map((c) => `'${c}'`).join(", ")}]'`);
    }
    if ((comparator === "IN" || comparator === "NOT IN") && key !== "run_id") {
      throw invalid(`Only the 'run_id' attribute supports comparison with a list of quoted string values.`);
    }
    clauses.push({ type, key, comparator, value: readValue(scanner, type, key, comparator, grammar) });
    if (scanner.atEnd()) return clauses;
    if (!scanner.match(/AND\b/i)) {
      throw invalid(`Invalid clause(s) in filter string: '${filter}'. Clauses may only be joined by AND`);
    }
    if (scanner.atEnd()) throw invalid(`Invalid filter string '${filter}': nothing after AND`);
  }
}
