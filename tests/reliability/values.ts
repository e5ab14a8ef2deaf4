/**
 * The awkward values the fuzzer feeds the API: strings, numbers, filters, artifact paths. Each
 * draw is bounded, so that the fuzzer itself can neither exhaust this machine nor hang the server
 * on purpose (see `filterClause`).
 */
import type { Random } from "./prng";

const UNICODE_SAMPLES = [
  "é",
  "e\u0301", // é decomposed (NFD)
  "日本語",
  "🍷🍇",
  "\u200b", // zero-width space
  "\u202e", // right-to-left override
  "\ufeff", // BOM inside a value
  "\ud800", // lone surrogate: valid in JSON text, not in UTF-8
  "\u0000",
  "\u001b[31m",
  "\u2028",
  "Ω≈ç√∫",
  "ʇsǝʇ",
  "\\",
  "'",
  '"',
  "%",
  "_",
  "\n\r\t",
];

export function unicodeString(rng: Random): string {
  return Array.from({ length: rng.int(1, 6) }, () => (rng.chance(0.5) ? rng.pick(UNICODE_SAMPLES) : rng.word(1, 4))).join("");
}

/** Just over MLflow's limits (250, 500, 5000, 8000 characters), then much longer; at most 300 000. */
export function overLongString(rng: Random): string {
  const length = rng.pick([251, 256, 501, 1001, 5001, 6001, 8001, 65_537, 300_000]);
  return rng.pick(["a", "é", "🍷", "x/"]).repeat(length).slice(0, length);
}

export function nastyString(rng: Random): string {
  return rng.weighted<() => string>([
    [3, () => rng.word()],
    [3, () => unicodeString(rng)],
    [1, () => overLongString(rng)],
    [1, () => ""],
    [1, () => " "],
    [1, () => rng.pick(["NaN", "Infinity", "-Infinity", "nan", "inf", "1e999", "-0", "0x10", "1_000"])],
    [1, () => rng.pick(["null", "undefined", "true", "[]", "{}", "../../etc/passwd", "'; DROP TABLE Run; --", "${7*7}", "<script>x</script>"])],
  ])();
}

/** Numbers at and beyond the edges: int64, doubles, negative, fractional (JSON text, not JS numbers). */
export const EXTREME_NUMBERS = [
  "0",
  "-0",
  "-1",
  "1.5",
  "-1e-320",
  "1e308",
  "-1e308",
  "1e400",
  "9007199254740993",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775809",
  "123456789012345678901234567890",
  "2147483648",
  "4294967296",
] as const;

export const SPECIAL_DOUBLE_STRINGS = ["NaN", "Infinity", "-Infinity", "nan", "+Infinity", "1e999", " 1", ""] as const;

/**
 * A search filter from a bounded grammar: comparisons on attributes, metrics, params and tags,
 * joined by AND, with junk now and then. LIKE patterns carry at most 3 `%`, and a value at most
 * 24 characters: patterns with many `%` make the server's LIKE matching explode (issue #14), and
 * the fuzzer must not be the one request that freezes the classroom while it looks for others.
 */
export function filterClause(rng: Random): string {
  const quote = (value: string) => (rng.chance(0.9) ? `'${value}'` : rng.pick([`"${value}"`, `\`${value}\``, value]));
  const likeValue = () => {
    const parts = Array.from({ length: rng.int(1, 3) }, () => rng.word(0, 5));
    const wildcards = rng.int(0, 3);
    let out = parts.join("_");
    for (let i = 0; i < wildcards; i += 1) {
      const at = rng.int(0, out.length);
      out = `${out.slice(0, at)}%${out.slice(at)}`;
    }
    return out.slice(0, 24);
  };
  const entity = rng.pick([
    "attributes.status",
    "attributes.run_name",
    "attributes.start_time",
    "attributes.run_id",
    "metrics.loss",
    "metrics.`a b`",
    "params.alpha",
    "tags.team",
    "tags.`mlflow.runName`",
    "name",
    "run_id",
    "source_path",
    "version_number",
    "creation_time",
    "last_update_time",
    "dataset.name",
    "unknown.thing",
    rng.word(1, 8),
  ]);
  const comparison = rng.weighted<() => string>([
    [3, () => `${entity} ${rng.pick(["=", "!=", "<", ">", "<=", ">=", "==", "<>"])} ${rng.chance(0.5) ? rng.pick(EXTREME_NUMBERS) : quote(rng.word(0, 10))}`],
    [2, () => `${entity} ${rng.pick(["LIKE", "ILIKE", "like", "NOT LIKE"])} ${quote(likeValue())}`],
    [1, () => `${entity} ${rng.pick(["IN", "NOT IN"])} (${Array.from({ length: rng.int(0, 6) }, () => quote(rng.word(0, 6))).join(", ")})`],
    [1, () => `${entity} IS ${rng.pick(["NULL", "NOT NULL", "nothing"])}`],
    [1, () => rng.pick(["", "AND", "(", ")", "'", "''", "name =", "= 'x'", "metrics.", "tags.'", "name = 'x' OR name = 'y'", "\u0000"])],
    [1, () => quote(unicodeString(rng).replaceAll("%", ""))],
  ]);
  return Array.from({ length: rng.int(1, 3) }, comparison).join(rng.pick([" AND ", " and ", " AND  ", " OR "]));
}

export function orderByClause(rng: Random): string {
  return rng.weighted<() => string>([
    [3, () => `${rng.pick(["name", "metrics.loss", "params.alpha", "tags.team", "attributes.start_time", "start_time", "creation_time", "last_updated_timestamp", "version_number", "run_name", rng.word()])} ${rng.pick(["ASC", "DESC", "asc", "", "SIDEWAYS"])}`.trim()],
    [1, () => nastyString(rng)],
  ])();
}
