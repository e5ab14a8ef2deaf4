/**
 * SQL LIKE / ILIKE without regular expressions, so that no pattern can make a search backtrack.
 *
 * A regex such as `^[\s\S]*[\s\S]*…zzz$` (what `%%%%%%zzz` used to become) backtracks in a
 * time that grows as the value's length to the power of the number of `%`, on the server's only
 * thread (seconds for 6 `%` on 100 characters, endless for 10 on 500). Here the pattern is cut on `%`
 * into literal segments (`_` = any one character inside a segment); the first segment is anchored
 * at the start, the last at the end, and each one in between is found at its leftmost position
 * after the previous one. Leftmost is always safe: a later segment can only lose room by choosing
 * a later match. There is no backtracking over segments: the cost is linear in the value for a
 * pattern without `_` (KMP), at most O(n·m) for a value of n characters and a pattern of m with
 * `_`; never exponential.
 *
 * MLflow's semantics (its SQL store hands the pattern to SQLAlchemy's `column.like(value)`,
 * without an ESCAPE clause):
 * - `%` any run of characters (empty included), `_` exactly one character (a code point, as the
 *   former regex's `u` flag had it);
 * - everything else is literal: `.`, `*`, `(`, `[`… and the backslash too, since no escape
 *   character is declared (SQLite, MLflow's default store, has none then);
 * - LIKE compares code points exactly; ILIKE compares them under Unicode simple case folding,
 *   the rule of the former `iu` regex (`É` = `é`, `Σ` = `σ` = `ς`, the Kelvin sign = `k`).
 */

const ANY_ONE = -1;

/** A pattern cut on `%`: literal code points (or ANY_ONE) per segment. */
export interface CompiledLike {
  /** The segments between `%`s: first anchored at the start, last at the end, middles in between. */
  first: Int32Array;
  middles: Segment[];
  last: Int32Array;
  /** Whether the pattern has a `%` at all; without, the value is exactly `first`. */
  hasPercent: boolean;
  /** Code points a value needs at least (every segment's length). */
  minLength: number;
  caseInsensitive: boolean;
}

/** A middle segment, with its KMP failure table when it has no `_` (null otherwise). */
interface Segment {
  codes: Int32Array;
  failure: Int32Array | null;
}

/** KMP's table: for each prefix of `codes`, the length of its longest proper border. */
function failureTable(codes: Int32Array): Int32Array {
  const failure = new Int32Array(codes.length);
  let k = 0;
  for (let i = 1; i < codes.length; i += 1) {
    while (k > 0 && codes[i] !== codes[k]) k = failure[k - 1] ?? 0;
    if (codes[i] === codes[k]) k += 1;
    failure[i] = k;
  }
  return failure;
}

/**
 * Simple case folding of one code point. Lower-casing the upper case reaches one representative
 * per class (ſ → S → s, the Kelvin sign → k, ς → Σ → σ); mappings that would produce several
 * code points (ß → SS, İ → i̇) are not simple foldings and leave the character to itself, and the
 * dotless ı folds to nothing else (its pairing with I is Turkish-only).
 */
function fold(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
  if (cp === 0x131) return cp;
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  const upper = singleCodePoint(ch.toUpperCase()) ?? cp;
  const folded = singleCodePoint(String.fromCodePoint(upper).toLowerCase()) ?? singleCodePoint(ch.toLowerCase()) ?? cp;
  foldCache.set(cp, folded);
  return folded;
}

/** Non-ASCII code points seen so far (a learner's texts use a few hundred at most). */
const foldCache = new Map<number, number>();

function singleCodePoint(text: string): number | null {
  const cp = text.codePointAt(0);
  if (cp === undefined) return null;
  return text.length === (cp > 0xffff ? 2 : 1) ? cp : null;
}

function codePoints(text: string, caseInsensitive: boolean): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i += 1;
    out[n] = caseInsensitive ? fold(cp) : cp;
    n += 1;
  }
  return out.subarray(0, n);
}

export function compileLike(pattern: string, caseInsensitive: boolean): CompiledLike {
  const segments: Int32Array[] = [];
  let current: number[] = [];
  let minLength = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const cp = pattern.codePointAt(i) ?? 0;
    if (cp > 0xffff) i += 1;
    if (cp === 0x25 /* % */) {
      segments.push(Int32Array.from(current));
      current = [];
      continue;
    }
    current.push(cp === 0x5f /* _ */ ? ANY_ONE : caseInsensitive ? fold(cp) : cp);
    minLength += 1;
  }
  segments.push(Int32Array.from(current));
  const first = segments[0] ?? new Int32Array(0);
  const last = segments.at(-1) ?? first;
  const middles = segments.slice(1, -1).map((codes) => ({ codes, failure: codes.includes(ANY_ONE) ? null : failureTable(codes) }));
  return { first, middles, last, hasPercent: segments.length > 1, minLength, caseInsensitive };
}

/** Whether `segment` matches `value` at `start` (the caller ensures it fits). */
function segmentAt(value: Int32Array, segment: Int32Array, start: number): boolean {
  for (let j = 0; j < segment.length; j += 1) {
    const p = segment[j];
    if (p !== ANY_ONE && p !== value[start + j]) return false;
  }
  return true;
}

/** Whether a value satisfies a compiled LIKE pattern. */
export function matchesCompiledLike(like: CompiledLike, text: string): boolean {
  const value = codePoints(text, like.caseInsensitive);
  const { first, last } = like;
  if (value.length < like.minLength) return false;
  // No `%`: the value is exactly as long as the pattern.
  if (!like.hasPercent) return value.length === first.length && segmentAt(value, first, 0);
  // minLength guarantees that the anchored ends do not overlap.
  const lastStart = value.length - last.length;
  if (!segmentAt(value, first, 0) || !segmentAt(value, last, lastStart)) return false;
  // Each middle segment at its leftmost place between the previous one and the last segment.
  let from = first.length;
  for (const segment of like.middles) {
    const found = leftmost(value, segment, from, lastStart);
    if (found < 0) return false;
    from = found + segment.codes.length;
  }
  return true;
}

/**
 * The first start ≥ from where `segment` matches entirely before `end`, or -1. Without `_`, KMP
 * keeps it linear (a search for `aaa…ab` in `aaa…a` would otherwise cost length × length); with
 * `_`, each start is tried in turn.
 */
function leftmost(value: Int32Array, segment: Segment, from: number, end: number): number {
  const { codes, failure } = segment;
  if (codes.length === 0) return from;
  if (failure === null) {
    for (let start = from; start + codes.length <= end; start += 1) {
      if (segmentAt(value, codes, start)) return start;
    }
    return -1;
  }
  let k = 0;
  for (let i = from; i < end; i += 1) {
    while (k > 0 && value[i] !== codes[k]) k = failure[k - 1] ?? 0;
    if (value[i] === codes[k]) k += 1;
    if (k === codes.length) return i - k + 1;
  }
  return -1;
}

/** SQL LIKE (case-sensitive) or ILIKE, with MLflow's rules; see the module comment. */
export function matchesLike(value: string, pattern: string, caseInsensitive: boolean): boolean {
  return matchesCompiledLike(compileLike(pattern, caseInsensitive), value);
}
