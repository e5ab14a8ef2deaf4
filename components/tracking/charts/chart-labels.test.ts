import { describe, expect, it } from "vitest";
import { defaultKey, varyingKeys, wrapLabel } from "./chart-labels";

const runs = [
  { alpha: "0.5", l1_ratio: "0.1", rmse: 0.7 },
  { alpha: "0.5", l1_ratio: "0.9", rmse: 0.7 },
];
const valueOf = (run: (typeof runs)[number], key: string) => run[key as keyof typeof run];

describe("what the compare charts show by default", () => {
  it("keeps the keys that differ between runs", () => {
    expect(varyingKeys(["alpha", "l1_ratio", "rmse"], runs, valueOf)).toEqual(["l1_ratio"]);
  });

  it("defaults to the first key that varies, not to one every run shares", () => {
    expect(defaultKey(["alpha", "l1_ratio"], runs, valueOf)).toBe("l1_ratio");
    expect(defaultKey(["alpha", "rmse"], runs, valueOf)).toBe("alpha");
    expect(defaultKey([], runs, valueOf)).toBe("");
  });
});

describe("axis labels that fit", () => {
  it("leaves a short label whole", () => {
    expect(wrapLabel("alpha", 10, 2)).toEqual(["alpha"]);
  });

  it("breaks a long key after its separators, never past the width", () => {
    const lines = wrapLabel("training_mean_absolute_error", 14, 3);
    expect(lines).toEqual(["training_mean_", "absolute_error"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(14);
  });

  it("ends with an ellipsis when the label does not fit in the lines given", () => {
    const lines = wrapLabel("training_root_mean_squared_error", 10, 2);
    expect(lines).toEqual(["training_", "root_mean…"]);
    expect(lines.at(-1)!.length).toBeLessThanOrEqual(10);
  });

  it("cuts inside a word that has no separator", () => {
    expect(wrapLabel("abcdefghij", 4, 3)).toEqual(["abcd", "efgh", "ij"]);
  });
});
