import { describe, expect, it } from "vitest";
import { parseFilter } from "./filter";
import { RUN_GRAMMAR } from "./grammars";
import { matchesLike } from "./like";
import { matchesClause } from "./match";

const like = (value: string, pattern: string) => matchesLike(value, pattern, false);
const ilike = (value: string, pattern: string) => matchesLike(value, pattern, true);

describe("LIKE and ILIKE, MLflow's semantics", () => {
  it("% is any run of characters, the empty one included", () => {
    expect(like("abc", "%")).toBe(true);
    expect(like("", "%")).toBe(true);
    expect(like("", "%%%")).toBe(true);
    expect(like("abc", "a%")).toBe(true);
    expect(like("abc", "%c")).toBe(true);
    expect(like("abc", "%b%")).toBe(true);
    expect(like("abc", "a%b%c")).toBe(true);
    expect(like("ac", "a%c")).toBe(true);
    expect(like("abc", "%d%")).toBe(false);
    expect(like("abc", "b%")).toBe(false);
    expect(like("abc", "%a")).toBe(false);
  });

  it("_ is exactly one character", () => {
    expect(like("abc", "a_c")).toBe(true);
    expect(like("ac", "a_c")).toBe(false);
    expect(like("abbc", "a_c")).toBe(false);
    expect(like("abc", "___")).toBe(true);
    expect(like("abc", "____")).toBe(false);
    expect(like("abc", "_%_")).toBe(true);
    expect(like("a", "_%_")).toBe(false);
    expect(like("a\nb", "a_b")).toBe(true);
  });

  it("a pattern without wildcards is the whole value; the empty pattern matches only the empty value", () => {
    expect(like("abc", "abc")).toBe(true);
    expect(like("abcd", "abc")).toBe(false);
    expect(like("xabc", "abc")).toBe(false);
    expect(like("", "")).toBe(true);
    expect(like("a", "")).toBe(false);
  });

  it("segments are found without overlapping each other or the anchored ends", () => {
    expect(like("aXbXa", "a%a")).toBe(true);
    expect(like("a", "a%a")).toBe(false);
    expect(like("aa", "a%a")).toBe(true);
    expect(like("abab", "%ab%ab%")).toBe(true);
    expect(like("aba", "%ab%ab%")).toBe(false);
    expect(like("xaab", "%aab")).toBe(true);
    expect(like("aaab", "a%ab")).toBe(true);
    expect(like("mississippi", "%ss%ss%")).toBe(true);
    expect(like("mississippi", "m%iss%ppi")).toBe(true);
    expect(like("mississippi", "m%iss%iss%iss%")).toBe(false);
    expect(like("xaaab", "%aab%")).toBe(true); // a partial match that restarts inside itself
    expect(like("abacabab", "%abab%")).toBe(true);
    expect(like("abacaba", "%abab%")).toBe(false);
    expect(like("aabaabaaab", "%aabaaab%")).toBe(true);
    expect(like("xyabcab", "x%abcab%")).toBe(true);
    expect(like("xyabcab", "x%abcab%b")).toBe(false);
  });

  it("regex and glob characters are literals", () => {
    expect(like("a.c", "a.c")).toBe(true);
    expect(like("abc", "a.c")).toBe(false);
    expect(like("a*c", "a*c")).toBe(true);
    expect(like("abbc", "ab*c")).toBe(false);
    expect(like("f(x)", "f(x)")).toBe(true);
    expect(like("[ab]", "[ab]")).toBe(true);
    expect(like("a", "[ab]")).toBe(false);
    expect(like("a+b?", "a+b?")).toBe(true);
    expect(like("aab", "a+b")).toBe(false);
    expect(like("^$|{1}", "^$|{1}")).toBe(true);
    expect(like("?", "?")).toBe(true);
  });

  it("the backslash is a literal too: no ESCAPE clause, as MLflow's SQL store", () => {
    expect(like("50\\x", "50\\%")).toBe(true);
    expect(like("50%", "50\\%")).toBe(false);
    expect(like("a\\b", "a\\b")).toBe(true);
    expect(like("a_b", "a\\_b")).toBe(false);
  });

  it("LIKE is case-sensitive, ILIKE is not, in any script", () => {
    expect(like("Alpha", "alpha")).toBe(false);
    expect(ilike("Alpha", "alpha")).toBe(true);
    expect(ilike("ÉTÉ", "été")).toBe(true);
    expect(like("ÉTÉ", "été")).toBe(false);
    expect(ilike("ΣΟΦΊΑ", "σοφία")).toBe(true);
    expect(ilike("σοφος", "ΣΟΦΟΣ")).toBe(true); // final sigma ς folds with Σ and σ
    expect(ilike("ПРИВЕТ", "при%")).toBe(true);
    expect(ilike("\u212a", "k")).toBe(true); // the Kelvin sign
    expect(ilike("ſ", "S")).toBe(true); // long s
    expect(ilike("straße", "STRASSE")).toBe(false); // ß ≠ SS: not a simple folding
    expect(ilike("ı", "I")).toBe(false); // dotless i pairs with I only in Turkish
  });

  it("_ is one code point, astral characters included", () => {
    expect(like("a😀b", "a_b")).toBe(true);
    expect(like("a😀b", "a__b")).toBe(false);
    expect(like("😀", "😀")).toBe(true);
    expect(ilike("𐐀", "𐐨")).toBe(true); // Deseret capital and small long i
  });

  it("ILIKE agrees with the former `iu` regex on every pair of Latin, Greek and Cyrillic characters", () => {
    const chars: string[] = [];
    const ranges: [number, number][] = [
      [0x20, 0x24f],
      [0x370, 0x3ff],
      [0x400, 0x45f],
      [0x2126, 0x212b],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp += 1) {
        const ch = String.fromCodePoint(cp);
        if (ch !== "%" && ch !== "_") chars.push(ch);
      }
    }
    const disagreements: string[] = [];
    for (const p of chars) {
      const regex = new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "iu");
      for (const v of chars) {
        if (regex.test(v) !== ilike(v, p)) disagreements.push(`${p} ${v}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe("agreement with a reference regex on small cases", () => {
  it("gives the regex's answer for every random value and pattern over a small alphabet", () => {
    // A deterministic generator, so that a failure can be replayed.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const draw = (alphabet: string, max: number) => Array.from({ length: random(max + 1) }, () => alphabet[random(alphabet.length)]).join("");
    const reference = (pattern: string) =>
      new RegExp(`^${[...pattern].map((ch) => (ch === "%" ? "[\\s\\S]*" : ch === "_" ? "[\\s\\S]" : ch)).join("")}$`, "u");
    for (let i = 0; i < 3000; i += 1) {
      const value = draw("aab", 9);
      const pattern = draw("aab%_", 7);
      expect(like(value, pattern), `'${value}' LIKE '${pattern}'`).toBe(reference(pattern).test(value));
    }
  });
});

describe("pathological patterns finish", () => {
  // A regex version needs seconds for 6 `%` on 100 characters and never finishes on 500
  // characters with 10: these tests would then hang until vitest's timeout.
  const name100 = "a".repeat(100);
  const name500 = "a".repeat(500);

  it.each([
    ["%%%%%%zzz", name100],
    ["%%%%%%%zzz", name100],
    ["%%%%%%%%%%zzz", name500],
    ["%a%a%a%a%a%a%a%a%a%a%zzz", name500],
    [`${"%_".repeat(50)}zzz`, name500],
    [`%${"a".repeat(300)}z%`, name500],
  ])("%s on %#", (pattern, name) => {
    expect(like(name, pattern)).toBe(false);
    expect(ilike(name.toUpperCase(), pattern)).toBe(false);
    expect(like(`${name}zzz`, pattern)).toBe(true);
  });

  it("through a parsed filter clause, as the stores use it", () => {
    const [clause] = parseFilter("tags.t ILIKE '%%%%%%%%%%ZZZ'", RUN_GRAMMAR);
    expect(matchesClause(clause!, name500)).toBe(false);
    expect(matchesClause(clause!, `${name500}zzz`)).toBe(true);
  });
});
