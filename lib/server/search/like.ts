/**
 * SQL LIKE / ILIKE without regular expressions, so that no pattern can make a search backtrack.
 *
 * A regex such as `^[\s\S]*[\s\S]*…zzz$` (what `%%%%%%zzz` used to become) backtracks
 * exponentially in the number of `%`, on the server's only thread. Here the pattern is cut on `%`
 * into literal segments (`_` = any one character inside a segment); the first segment is anchored
 * at the start, the last at the end, and each one in between is found at its leftmost position
 * after the previous one. Leftmost is always safe: a later segment can only lose room by choosing
 * a later match. The cost is at most O(n·m) comparisons for a value of n characters and a pattern
 * of m, never exponential; there is no backtracking over segments.
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
  middles: Int32Array[];
  last: Int32Array;
  /** Whether the pattern has a `%` at all; without, the value is exactly `first`. */
  hasPercent: boolean;
  /** Code points a value needs at least (every segment's length). */
  minLength: number;
  caseInsensitive: boolean;
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
  return { first, middles: segments.slice(1, -1), last, hasPercent: segments.length > 1, minLength, caseInsensitive };
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
    let found = -1;
    for (let start = from; start + segment.length <= lastStart; start += 1) {
      if (segmentAt(value, segment, start)) {
        found = start;
        break;
      }
    }
    if (found < 0) return false;
    from = found + segment.length;
  }
  return true;
}

/** SQL LIKE (case-sensitive) or ILIKE, with MLflow's rules; see the module comment. */
export function matchesLike(value: string, pattern: string, caseInsensitive: boolean): boolean {
  return matchesCompiledLike(compileLike(pattern, caseInsensitive), value);
}
