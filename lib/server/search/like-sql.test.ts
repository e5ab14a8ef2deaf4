import { describe, expect, it } from "vitest";
import { likeForSql, SQL_LITERAL_LIMIT } from "./like-sql";

describe("likeForSql", () => {
  it("case-sensitive LIKE on SQLite is GLOB, its metacharacters bracketed", () => {
    expect(likeForSql("a%b_c", false, "sqlite")).toEqual({ operator: "GLOB", pattern: "a*b?c", exact: true });
    expect(likeForSql("[x]*?%", false, "sqlite")).toEqual({ operator: "GLOB", pattern: "[[]x][*][?]*", exact: true });
    expect(likeForSql("a\\b", false, "sqlite").pattern).toBe("a\\b");
  });

  it("case-sensitive LIKE on PostgreSQL keeps % and _, and escapes its escape character", () => {
    expect(likeForSql("a%b_c\\d*", false, "postgresql")).toEqual({ operator: "LIKE", pattern: "a%b_c\\\\d*", exact: true });
    expect(likeForSql("élan", false, "postgresql")).toEqual({ operator: "LIKE", pattern: "élan", exact: true });
  });

  it("ILIKE folds ASCII in SQL; letters folding beyond ASCII become `_` and need confirmation", () => {
    expect(likeForSql("Alpha%", true, "sqlite")).toEqual({ operator: "ASCII_ILIKE", pattern: "Alpha%", exact: true });
    expect(likeForSql("élan", true, "postgresql")).toEqual({ operator: "ASCII_ILIKE", pattern: "_lan", exact: false });
    expect(likeForSql("star", true, "sqlite")).toEqual({ operator: "ASCII_ILIKE", pattern: "_tar", exact: false });
    expect(likeForSql("KELVIN", true, "sqlite")).toEqual({ operator: "ASCII_ILIKE", pattern: "_ELVIN", exact: false });
    expect(likeForSql("x😀y", true, "sqlite")).toEqual({ operator: "ASCII_ILIKE", pattern: "x_y", exact: false });
  });

  it("matches at most SQL_LITERAL_LIMIT literal code points in SQL, the rest as one `%`", () => {
    const long = "a".repeat(SQL_LITERAL_LIMIT);
    expect(likeForSql(long, false, "postgresql")).toEqual({ operator: "LIKE", pattern: long, exact: true });
    expect(likeForSql(`${long}b%c`, false, "postgresql")).toEqual({ operator: "LIKE", pattern: `${long}%`, exact: false });
    expect(likeForSql(`%${long}%b`, false, "sqlite")).toEqual({ operator: "GLOB", pattern: `*${long}*`, exact: false });
    // `%` costs nothing: a pattern of wildcards stays whole.
    expect(likeForSql("%%%%%%%%%%%%%%%%%%%%zzz", true, "sqlite")).toEqual({ operator: "ASCII_ILIKE", pattern: "%%%%%%%%%%%%%%%%%%%%zzz", exact: true });
    expect(likeForSql("_".repeat(SQL_LITERAL_LIMIT + 1), false, "sqlite")).toEqual({ operator: "GLOB", pattern: `${"?".repeat(SQL_LITERAL_LIMIT)}*`, exact: false });
  });
});
