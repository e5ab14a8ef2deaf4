import { describe, expect, it } from "vitest";
import { foldList, layoutPanel, moreLabel } from "./panel-order";
import type { PanelExperiment } from "./panel-data";

function experiment(experimentId: string, name: string, runStarts: number[]): PanelExperiment {
  return {
    experimentId,
    name,
    runs: runStarts.map((startTime, index) => ({ runId: `${experimentId}-${index}`, runName: "", experimentId, status: "FINISHED", startTime, params: [], metrics: [] })),
  };
}

const names = (list: readonly PanelExperiment[]) => list.map((item) => item.name);

describe("the live panel's layout", () => {
  // As the REST API lists them: oldest created first.
  const history = [
    experiment("0", "Default", []),
    experiment("1", "exp_wine_quality", [100, 200]),
    experiment("2", "exp_wine_elasticnet", [150]),
    experiment("3", "exp_wine_lasso", [400]),
    experiment("4", "exp_wine_ridge", [300]),
    experiment("5", "exp_vide", []),
  ];

  it("opens the current bloc's experiments first and folds the others, newest activity first", () => {
    const layout = layoutPanel(history, ["exp_wine_elasticnet"]);
    expect(names(layout.open)).toEqual(["exp_wine_elasticnet"]);
    expect(names(layout.folded)).toEqual(["exp_wine_lasso", "exp_wine_ridge", "exp_wine_quality", "exp_vide"]);
  });

  it("keeps the bloc's own order when it writes to several experiments", () => {
    expect(names(layoutPanel(history, ["exp_wine_ridge", "exp_wine_quality"]).open)).toEqual(["exp_wine_ridge", "exp_wine_quality"]);
  });

  it("also opens, after the bloc's, the experiments written while the page is open", () => {
    const layout = layoutPanel(history, ["exp_wine_elasticnet"], new Set(["4", "1"]));
    expect(names(layout.open)).toEqual(["exp_wine_elasticnet", "exp_wine_ridge", "exp_wine_quality"]);
    expect(names(layout.folded)).toEqual(["exp_wine_lasso", "exp_vide"]);
  });

  it("opens the most recently active experiment when the bloc's does not exist yet", () => {
    const layout = layoutPanel(history, ["exp_pas_encore"]);
    expect(names(layout.open)).toEqual(["exp_wine_lasso"]);
    expect(names(layout.folded)).toEqual(["exp_wine_ridge", "exp_wine_quality", "exp_wine_elasticnet", "exp_vide"]);
  });

  it("leaves out an empty Default experiment, but not a used one", () => {
    expect(layoutPanel([experiment("0", "Default", [])], [])).toEqual({ open: [], folded: [] });
    expect(names(layoutPanel([experiment("0", "Default", [5])], []).open)).toEqual(["Default"]);
  });
});

describe("folding long lists", () => {
  it("shows the first items and hides the rest", () => {
    expect(foldList([1, 2, 3, 4, 5], 2)).toEqual({ visible: [1, 2], hidden: [3, 4, 5] });
  });

  it("keeps in view the items asked for, in their place", () => {
    expect(foldList([1, 2, 3, 4, 5], 2, (item) => item === 4)).toEqual({ visible: [1, 2, 4], hidden: [3, 5] });
  });

  it("does not fold a single item, nor a short list", () => {
    expect(foldList([1, 2, 3], 2)).toEqual({ visible: [1, 2, 3], hidden: [] });
    expect(foldList([1], 6)).toEqual({ visible: [1], hidden: [] });
  });

  it("says how many are folded", () => {
    expect(moreLabel(12)).toBe("+ 12 autres");
    expect(moreLabel(1)).toBe("+ 1 autre");
  });
});
