import { describe, expect, it } from "vitest";
import { printsSequence } from "./printed-numbers";

const reference = [5.5439317272091575, 5.27897165572818, 5.646869607939838];

describe("printsSequence", () => {
  it("matches full-precision output as Node prints arrays", () => {
    expect(printsSequence("400 vins\n[ 5.5439317272091575, 5.27897165572818, 5.646869607939838 ]", reference)).toBe(true);
  });

  it("accepts rounded output, within the printed precision only", () => {
    expect(printsSequence("5.544 5.279 5.647", reference)).toBe(true);
    expect(printsSequence("5.544 5.279 5.648", reference)).toBe(false);
  });

  it("requires the numbers in order and consecutively", () => {
    expect(printsSequence("5.279 5.544 5.647", reference)).toBe(false);
    expect(printsSequence("5.544 1 5.279 5.647", reference)).toBe(false);
    expect(printsSequence("", reference)).toBe(false);
  });
});
