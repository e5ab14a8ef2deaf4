/**
 * LIKE / ILIKE patterns for the database, with MLflow's rules (see like.ts): `%` any run, `_` one
 * code point, everything else literal; LIKE compares code points exactly, ILIKE under Unicode
 * simple case folding.
 *
 * What each database offers, on text as stored (UTF-8):
 * - case-sensitive: SQLite's GLOB (its LIKE ignores ASCII case), PostgreSQL's LIKE. Exact.
 * - case-insensitive: SQLite's LIKE and PostgreSQL's ILIKE under `COLLATE "C"` both fold ASCII
 *   letters only (PostgreSQL's default collation would fold per locale: a Turkish `I` is not `i`).
 *   Simple case folding pairs non-ASCII code points too (`É`/`é`), and two of them with ASCII
 *   letters: `ſ` (U+017F) with `s`, the Kelvin sign (U+212A) with `k` — found by folding every
 *   code point with like.ts. So where the pattern holds a non-ASCII code point or one of
 *   `k K s S`, it becomes `_` in the SQL pattern: the database then keeps a superset of the
 *   matches (`_` takes any one code point, as folding maps one code point to one), and the
 *   caller confirms each candidate with the linear matcher of like.ts.
 *
 * Bounded work: both databases match a pattern against a value in time proportional to the
 * value's length times a cost per position that grows with the pattern's literal length
 * (measured on SQLite 3.53, 10 000 values of 6000 `a`, under a load average of 18 on 2 CPUs:
 * `%aaaaaaaaaaaaaaab%` 3.1 s, `%aaaaaaab%` 2.1 s; a 200-character segment, 1.6 ms a row). On
 * SQLite that time would be spent on the server's only thread, out of the search budget's reach.
 * So SQL matches at most SQL_LITERAL_LIMIT literal code points (`_` included; past it the rest of
 * the pattern becomes one `%`) against values of at most SQL_VALUE_LIMIT code points (a longer
 * value is kept as a candidate): a row costs SQL at most a few microseconds, whatever the learner
 * writes or logged. What SQL keeps is confirmed by the linear matcher of like.ts, on the page's
 * candidates only, under the search's time budget (budget.ts).
 */

export type SqlDialect = "sqlite" | "postgresql";

/** How a pattern is matched in SQL; `operator` is one of a fixed set, never learner text. */
export interface SqlLikePattern {
  /**
   * GLOB: SQLite's case-sensitive match (no escape clause: metacharacters are bracketed).
   * LIKE: case-sensitive LIKE with `ESCAPE '\'` (PostgreSQL).
   * ASCII_ILIKE: ASCII-only case-insensitive LIKE with `ESCAPE '\'` (SQLite's LIKE, PostgreSQL's
   * ILIKE under COLLATE "C").
   */
  operator: "GLOB" | "LIKE" | "ASCII_ILIKE";
  /** The pattern to bind as a parameter. */
  pattern: string;
  /** True when the SQL match is the clause's exact meaning; false when it keeps a superset. */
  exact: boolean;
}

/** Literal code points (`_` included) matched in SQL; see the module comment. */
export const SQL_LITERAL_LIMIT = 16;

/** Values longer than this (in code points) are not matched in SQL but confirmed in memory. */
export const SQL_VALUE_LIMIT = 256;

/** The ASCII letters simple case folding pairs with a non-ASCII code point (ſ, the Kelvin sign). */
const FOLDS_OUTSIDE_ASCII = new Set(["k", "K", "s", "S"]);

function globLiteral(ch: string): string {
  // `*`, `?` and `[` are GLOB's metacharacters; inside brackets each stands for itself.
  return ch === "*" || ch === "?" || ch === "[" ? `[${ch}]` : ch;
}

function likeLiteral(ch: string): string {
  return ch === "\\" ? "\\\\" : ch;
}

/** The SQL form of MLflow's LIKE (`caseInsensitive` false) or ILIKE pattern for one database. */
export function likeForSql(pattern: string, caseInsensitive: boolean, dialect: SqlDialect): SqlLikePattern {
  const glob = !caseInsensitive && dialect === "sqlite";
  const anyRun = glob ? "*" : "%";
  const anyOne = glob ? "?" : "_";
  let out = "";
  let exact = true;
  let literals = 0;
  for (const ch of pattern) {
    if (ch === "%") {
      out += anyRun;
      continue;
    }
    if (literals === SQL_LITERAL_LIMIT) {
      // The rest, whatever it holds, as one `%`: a superset.
      if (!out.endsWith(anyRun)) out += anyRun;
      exact = false;
      break;
    }
    literals += 1;
    if (ch === "_") {
      out += anyOne;
    } else if (caseInsensitive && (ch.codePointAt(0)! >= 0x80 || FOLDS_OUTSIDE_ASCII.has(ch))) {
      out += anyOne;
      exact = false;
    } else {
      out += glob ? globLiteral(ch) : likeLiteral(ch);
    }
  }
  return { operator: glob ? "GLOB" : caseInsensitive ? "ASCII_ILIKE" : "LIKE", pattern: out, exact };
}
