/**
 * A time budget per search. The stores filter and sort in memory, on the server's only thread:
 * however linear each step, a large workspace times a costly filter could still hold every other
 * request (a whole classroom's) waiting. The loops check the budget at each row and each
 * comparison, and a search past it stops with an error instead of running on.
 */
import { TrackingError } from "@/lib/tracking/protocol";

export const DEFAULT_SEARCH_BUDGET_MS = 2000;

/** `CUVEE_SEARCH_BUDGET_MS`, a positive number of milliseconds; anything else means the default. */
export function searchBudgetMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.CUVEE_SEARCH_BUDGET_MS?.trim();
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SEARCH_BUDGET_MS;
}

export interface SearchBudgetOptions {
  /** Default: searchBudgetMs(), read at each search so that a change needs no restart of a test. */
  budgetMs?: number;
  /** Milliseconds from any origin; default performance.now. Tests inject a clock that advances by itself. */
  now?: () => number;
}

export interface SearchBudget {
  /** Throws once the budget is spent. */
  check(): void;
  /** `items.map(fn)`, checking the budget at each item. */
  map<T, U>(items: readonly T[], fn: (item: T) => U): U[];
  /** `items.filter(keep)`, checking the budget at each item. */
  filter<T>(items: readonly T[], keep: (item: T) => boolean): T[];
  /** Sorts `items` in place, checking the budget at each comparison. */
  sort<T>(items: T[], compare: (a: T, b: T) => number): T[];
}

/**
 * Why INVALID_PARAMETER_VALUE (400) and not DEADLINE_EXCEEDED (504): the same search over the
 * same data would run out of time again, and MLflow's clients retry 504 (with 408, 429, 502 and
 * 503) up to several times, so a 504 would hold the thread for the whole budget at each retry.
 * Asking more work than the server allows per request is what MLflow answers with
 * INVALID_PARAMETER_VALUE elsewhere (max_results above its threshold, oversized batches).
 */
function budgetSpent(budgetMs: number): TrackingError {
  return TrackingError.invalidParameterValue(
    `The search took longer than this server's budget of ${budgetMs} ms (CUVEE_SEARCH_BUDGET_MS) and was stopped. ` +
      "Narrow it: fewer experiments, fewer '%' in LIKE/ILIKE patterns, fewer rows to sort.",
  );
}

/** Starts the clock of one search. */
export function startSearchBudget(options: SearchBudgetOptions = {}): SearchBudget {
  const budgetMs = options.budgetMs ?? searchBudgetMs();
  const now = options.now ?? (() => performance.now());
  const deadline = now() + budgetMs;
  const check = (): void => {
    if (now() > deadline) throw budgetSpent(budgetMs);
  };
  return {
    check,
    map(items, fn) {
      return items.map((item) => {
        check();
        return fn(item);
      });
    },
    filter(items, keep) {
      return items.filter((item) => {
        check();
        return keep(item);
      });
    },
    sort(items, compare) {
      return items.sort((a, b) => {
        check();
        return compare(a, b);
      });
    },
  };
}
