import { describe, expect, it } from "vitest";
import { TrackingError } from "@/lib/tracking/protocol";
import { DEFAULT_SEARCH_BUDGET_MS, searchBudgetMs, startSearchBudget } from "./budget";

/** A clock that advances one millisecond each time it is read. */
function tickingClock() {
  let t = 0;
  return () => (t += 1);
}

function thrown(fn: () => unknown): TrackingError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TrackingError);
    return error as TrackingError;
  }
  throw new Error("expected a TrackingError");
}

describe("searchBudgetMs", () => {
  it("reads CUVEE_SEARCH_BUDGET_MS, a positive number of milliseconds", () => {
    expect(searchBudgetMs({})).toBe(DEFAULT_SEARCH_BUDGET_MS);
    expect(DEFAULT_SEARCH_BUDGET_MS).toBe(2000);
    expect(searchBudgetMs({ CUVEE_SEARCH_BUDGET_MS: "500" })).toBe(500);
    expect(searchBudgetMs({ CUVEE_SEARCH_BUDGET_MS: " 250 " })).toBe(250);
    for (const wrong of ["", "abc", "0", "-5", "Infinity"]) {
      expect(searchBudgetMs({ CUVEE_SEARCH_BUDGET_MS: wrong })).toBe(DEFAULT_SEARCH_BUDGET_MS);
    }
  });
});

describe("startSearchBudget", () => {
  it("lets loops run until the deadline, then answers MLflow's INVALID_PARAMETER_VALUE", () => {
    const budget = startSearchBudget({ budgetMs: 3, now: tickingClock() }); // starts at 1, deadline 4
    expect(budget.map([1, 2, 3], (n) => n * 2)).toEqual([2, 4, 6]);
    const error = thrown(() => budget.check());
    expect(error.toJSON()).toEqual({ error_code: "INVALID_PARAMETER_VALUE", message: expect.stringContaining("budget of 3 ms") });
    expect(error.httpStatus).toBe(400);
  });

  it("checks at each item of map and filter and at each comparison of sort", () => {
    const items = [5, 3, 9, 1, 7];
    expect(() => startSearchBudget({ budgetMs: 2, now: tickingClock() }).map(items, (n) => n)).toThrow(TrackingError);
    expect(() => startSearchBudget({ budgetMs: 2, now: tickingClock() }).filter(items, () => true)).toThrow(TrackingError);
    expect(() => startSearchBudget({ budgetMs: 2, now: tickingClock() }).sort([...items], (a, b) => a - b)).toThrow(TrackingError);
    const roomy = startSearchBudget({ budgetMs: 100, now: tickingClock() });
    expect(roomy.sort(roomy.filter(items, (n) => n > 2), (a, b) => a - b)).toEqual([3, 5, 7, 9]);
  });

  it("uses the real clock and the configured budget by default", () => {
    const budget = startSearchBudget();
    expect(budget.filter([1, 2, 3], (n) => n !== 2)).toEqual([1, 3]);
  });
});
