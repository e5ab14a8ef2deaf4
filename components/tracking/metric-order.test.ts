import { describe, expect, it } from "vitest";
import { keyMetricsFirst } from "./metric-order";

describe("key metrics first", () => {
  it("puts rmse, mae and r2 first, then their long spellings, the others in their order", () => {
    const autolog = ["training_mean_absolute_error", "training_score", "r2", "training_root_mean_squared_error", "mae", "rmse", "training_r2_score", "zeta"];
    expect(keyMetricsFirst(autolog)).toEqual([
      "rmse",
      "mae",
      "r2",
      "training_root_mean_squared_error",
      "training_mean_absolute_error",
      "training_r2_score",
      "training_score",
      "zeta",
    ]);
  });

  it("leaves a list without key metrics as it was", () => {
    expect(keyMetricsFirst(["b", "a"])).toEqual(["b", "a"]);
  });
});
