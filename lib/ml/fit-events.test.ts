import { afterEach, describe, expect, it } from "vitest";

import { DummyRegressor } from "./dummy-regressor";
import { ElasticNet } from "./elastic-net";
import { onFit, type FitEvent } from "./fit-events";

describe("onFit", () => {
  const unsubscribers: (() => void)[] = [];
  afterEach(() => unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe()));

  it("tells listeners about each fit with the estimator, its inputs and its sklearn params", () => {
    const events: FitEvent[] = [];
    unsubscribers.push(onFit((event) => events.push(event)));
    const X = [[1], [2], [3]];
    const y = [1, 2, 3];
    const model = new ElasticNet({ alpha: 0.1, randomState: 42 }).fit(X, y);
    new DummyRegressor().fit(X, y);

    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first?.estimator).toBe(model);
    expect(first?.X).toBe(X);
    expect(first?.y).toBe(y);
    expect(first?.params).toMatchObject({ alpha: 0.1, l1_ratio: 0.5, random_state: 42, selection: "cyclic" });
    // A listener can compute training metrics right away: the model is already fitted.
    expect(first?.estimator.predict(X)).toHaveLength(3);
    expect(second?.estimator.estimatorName).toBe("DummyRegressor");
  });

  it("stops calling a listener once unsubscribed", () => {
    let calls = 0;
    const unsubscribe = onFit(() => calls++);
    new DummyRegressor().fit([[1], [2]], [1, 2]);
    unsubscribe();
    new DummyRegressor().fit([[1], [2]], [1, 2]);
    expect(calls).toBe(1);
  });

  it("does not notify when the fit fails", () => {
    let calls = 0;
    unsubscribers.push(onFit(() => calls++));
    expect(() => new DummyRegressor().fit([[1], [2]], [1])).toThrow();
    expect(calls).toBe(0);
  });
});
