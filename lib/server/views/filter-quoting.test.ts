import { describe, expect, it } from "vitest";
import { formatSortParam, orderByClause, parseSortParam, quoteLiteral } from "./filter-quoting";

describe("quoteLiteral", () => {
  it("uses single quotes unless the text holds one", () => {
    expect(quoteLiteral("%vin%")).toBe("'%vin%'");
    expect(quoteLiteral("l'essai")).toBe(`"l'essai"`);
    expect(quoteLiteral(`l'"essai"`)).toBe(`"l'essai"`);
  });
});

describe("sort parameter", () => {
  it("round-trips and becomes an MLflow order_by clause with a backticked key", () => {
    const column = parseSortParam("metric:rmse test:desc");
    expect(column).toEqual({ type: "metric", key: "rmse test", ascending: false });
    expect(formatSortParam(column!)).toBe("metric:rmse test:desc");
    expect(orderByClause(column!)).toBe("metrics.`rmse test` DESC");
    expect(orderByClause({ type: "attribute", key: "start_time", ascending: true })).toBe("attributes.`start_time` ASC");
  });

  it("ignores malformed values", () => {
    expect(parseSortParam("metric:rmse")).toBeUndefined();
    expect(parseSortParam("bogus:rmse:asc")).toBeUndefined();
    expect(parseSortParam(undefined)).toBeUndefined();
  });
});
