import { describe, expect, it } from "vitest";
import { svgElementNames } from "./well-formed";

describe("svgElementNames", () => {
  it("lists the elements of a well-formed SVG", () => {
    expect(svgElementNames('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><g><circle cx="1" cy="2" r="3"/></g><text>a &amp; b</text></svg>\n')).toEqual([
      "svg",
      "g",
      "circle",
      "text",
    ]);
  });

  it("says what is malformed", () => {
    expect(() => svgElementNames('<svg><g></svg>')).toThrow("</svg> closes <g>");
    expect(() => svgElementNames('<svg><circle r="1"/>')).toThrow("unclosed <svg>");
    expect(() => svgElementNames("<html></html>")).toThrow("not <svg>");
    expect(() => svgElementNames("<svg>a & b</svg>")).toThrow('unescaped "&"');
    expect(() => svgElementNames("<svg></svg><svg></svg>")).toThrow("content after the root element");
    expect(() => svgElementNames("<svg><circle r=1/></svg>")).toThrow("malformed tag");
  });
});
