import { describe, expect, it } from "vitest";
import { formatDuration, formatMetric } from "./format";

describe("formatMetric", () => {
  it("keeps four significant digits and spells out special values", () => {
    expect(formatMetric(0.743643)).toBe("0.7436");
    expect(formatMetric(2)).toBe("2");
    expect(formatMetric(0.5)).toBe("0.5");
    expect(formatMetric(1.5e-7)).toBe("1.500e-7");
    expect(formatMetric(Number.NaN)).toBe("NaN");
    expect(formatMetric(Number.NEGATIVE_INFINITY)).toBe("−∞");
    expect(formatMetric(undefined)).toBe("—");
  });
});

describe("formatDuration", () => {
  it("reads in French units", () => {
    expect(formatDuration(0, 250)).toBe("250 ms");
    expect(formatDuration(0, 2500)).toBe("2,5 s");
    expect(formatDuration(0, 125_000)).toBe("2 min 5 s");
    expect(formatDuration(0, null)).toBe("—");
  });
});
