import { describe, expect, it } from "vitest";
import { TrackingError } from "@/lib/tracking/protocol";
import { RUN_GRAMMAR } from "./grammars";
import { parseFilter } from "./filter";
import { matchesLike } from "./like";
import { matchesClause } from "./match";
import { compareSortValues, parseOrderBy } from "./order-by";
import { createPageToken, parseStartOffset } from "./page-token";

describe("parseFilter", () => {
  it("parses MLflow's clauses joined by AND", () => {
    expect(
      parseFilter(
        "metrics.rmse < 0.8 and params.alpha = '0.5' AND tags.\"team name\" LIKE 'a%' AND attributes.status != \"FAILED\" AND start_time >= 10",
        RUN_GRAMMAR,
      ),
    ).toEqual([
      { type: "metric", key: "rmse", comparator: "<", value: 0.8 },
      { type: "param", key: "alpha", comparator: "=", value: "0.5" },
      { type: "tag", key: "team name", comparator: "LIKE", value: "a%" },
      { type: "attribute", key: "status", comparator: "!=", value: "FAILED" },
      { type: "attribute", key: "start_time", comparator: ">=", value: 10 },
    ]);
  });

  it("reads dotted keys, backticks, IN lists, IS NULL and aliases", () => {
    expect(parseFilter("tags.mlflow.runName = 'x'", RUN_GRAMMAR)[0]).toMatchObject({ type: "tag", key: "mlflow.runName" });
    expect(parseFilter("metrics.`my metric` > -1e-3", RUN_GRAMMAR)[0]).toMatchObject({ key: "my metric", value: -0.001 });
    expect(parseFilter("run_id IN ('a', 'b')", RUN_GRAMMAR)[0]).toMatchObject({ comparator: "IN", value: ["a", "b"] });
    expect(parseFilter("tags.t IS NOT NULL", RUN_GRAMMAR)[0]).toMatchObject({ comparator: "IS NOT NULL", value: null });
    expect(parseFilter("created > 5", RUN_GRAMMAR)[0]).toMatchObject({ key: "start_time" });
    expect(parseFilter("params.p = 'it''s'", RUN_GRAMMAR)[0]).toMatchObject({ value: "it's" });
    expect(parseFilter("  ", RUN_GRAMMAR)).toEqual([]);
  });

  it.each([
    "metrics.rmse < 'a'",
    "params.alpha = 0.5",
    "foo.bar = 'x'",
    "unknown_attr = 'x'",
    "metrics.a > 1 OR metrics.b > 1",
    "metrics.a > 1 AND",
    "params.a LIKE",
    "status IN ('a')",
    "metrics.a LIKE 1",
    "params.a = 'unterminated",
  ])("rejects %j with INVALID_PARAMETER_VALUE", (filter) => {
    expect(() => parseFilter(filter, RUN_GRAMMAR)).toThrow(TrackingError);
  });
});

describe("matching", () => {
  it("LIKE is case-sensitive, ILIKE not; % and _ are wildcards, other characters literal", () => {
    expect(matchesLike("abbbc", "a%c", false)).toBe(true);
    expect(matchesLike("abc", "a_c", false)).toBe(true);
    expect(matchesLike("abc", "A%", false)).toBe(false);
    expect(matchesLike("abc", "A%", true)).toBe(true);
    expect(matchesLike("abc", "a.c", false)).toBe(false);
  });

  it("an absent value satisfies nothing but IS NULL", () => {
    const clause = { type: "param" as const, key: "p", comparator: "!=" as const, value: "x" };
    expect(matchesClause(clause, undefined)).toBe(false);
    expect(matchesClause({ ...clause, comparator: "IS NULL", value: null }, undefined)).toBe(true);
  });
});

describe("order_by", () => {
  it("parses entity, key and direction", () => {
    expect(parseOrderBy("metrics.rmse DESC", RUN_GRAMMAR)).toEqual({ type: "metric", key: "rmse", ascending: false });
    expect(parseOrderBy("params.`a b`", RUN_GRAMMAR)).toEqual({ type: "param", key: "a b", ascending: true });
    expect(parseOrderBy("start_time asc", RUN_GRAMMAR)).toEqual({ type: "attribute", key: "start_time", ascending: true });
    expect(() => parseOrderBy("metrics.rmse SIDEWAYS", RUN_GRAMMAR)).toThrow(TrackingError);
    expect(() => parseOrderBy("nope", RUN_GRAMMAR)).toThrow(TrackingError);
  });

  it("puts NaN then absent values last, in both directions", () => {
    const values = [3, undefined, Number.NaN, 1];
    expect([...values].sort((a, b) => compareSortValues(a, b, true))).toEqual([1, 3, Number.NaN, undefined]);
    expect([...values].sort((a, b) => compareSortValues(a, b, false))).toEqual([3, 1, Number.NaN, undefined]);
  });
});

describe("page tokens", () => {
  it("round-trip in MLflow's format", () => {
    const token = createPageToken(40);
    expect(Buffer.from(token, "base64").toString()).toBe('{"offset": 40}');
    expect(parseStartOffset(token)).toBe(40);
    expect(parseStartOffset(undefined)).toBe(0);
    expect(() => parseStartOffset("not-a-token")).toThrow(TrackingError);
    expect(() => parseStartOffset(Buffer.from('{"offset": -1}').toString("base64"))).toThrow(TrackingError);
  });
});
