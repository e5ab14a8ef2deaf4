import { describe, expect, it } from "vitest";
import { formatConsoleArgs } from "./inspect";

describe("formatConsoleArgs", () => {
  it("prints strings raw and values like Node", () => {
    expect(formatConsoleArgs(["rmse", 0.74, true, null, undefined])).toBe("rmse 0.74 true null undefined");
    expect(formatConsoleArgs([[5.5, 5.25]])).toBe("[ 5.5, 5.25 ]");
    expect(formatConsoleArgs([{ alpha: 0.5, "l1 ratio": "x" }])).toBe("{ alpha: 0.5, 'l1 ratio': 'x' }");
    expect(formatConsoleArgs([new Float64Array([1, 2.5])])).toBe("Float64Array(2) [ 1, 2.5 ]");
    expect(formatConsoleArgs([[]])).toBe("[]");
    expect(formatConsoleArgs([-0])).toBe("-0");
  });

  it("names class instances, cuts long arrays and survives cycles", () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
    }
    expect(formatConsoleArgs([new Point(1, 2)])).toBe("Point { x: 1, y: 2 }");
    expect(formatConsoleArgs([Array.from({ length: 102 }, () => 0)])).toContain("... 2 more items");
    const cyclic: Record<string, unknown> = { name: "a" };
    cyclic.self = cyclic;
    expect(formatConsoleArgs([cyclic])).toBe("{ name: 'a', self: [Circular] }");
    expect(formatConsoleArgs([{ a: { b: { c: { d: 1 } } } }])).toBe("{ a: { b: { c: [Object] } } }");
  });

  it("uses Node's custom inspect hook, as the kit's DataFrame does", () => {
    const frame = { [Symbol.for("nodejs.util.inspect.custom")]: () => "   a\n0  1" };
    expect(formatConsoleArgs(["df:", frame])).toBe("df:    a\n0  1");
  });

  it("breaks long structures over several lines", () => {
    const text = formatConsoleArgs([Array.from({ length: 12 }, (_, i) => i * 1.123456)]);
    expect(text.split("\n").length).toBeGreaterThan(2);
  });
});
