import { describe, expect, it } from "vitest";

import { InvalidInputError, Series } from "../data";

import { Figure, scatterPlot } from "./figure";
import { formatCoordinate, formatTick } from "./format-number";
import { niceTicks } from "./scale";
import { svgElementNames } from "./well-formed";

const checkWellFormed = svgElementNames;

function courseFigure(): Figure {
  return new Figure({ width: 800, height: 600 })
    .scatter([3, 5, 6, 8], [4.5, 5.2, 5.9, 6.1], { opacity: 0.5 })
    .identityLine()
    .xLabel("Valeurs réelles (Target)")
    .yLabel("Prédictions")
    .title("Comparaison : Prédictions vs Cibles")
    .grid();
}

describe("Figure.toSvg", () => {
  it("is well-formed SVG with the points, the y = x line, the titles and the grid", () => {
    const svg = courseFigure().toSvg();
    const names = checkWellFormed(svg);
    expect(names.filter((name) => name === "circle")).toHaveLength(4);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"');
    expect(svg).toContain(">Comparaison : Prédictions vs Cibles</text>");
    expect(svg).toContain(">Valeurs réelles (Target)</text>");
    expect(svg).toMatch(/<text class="y-label"[^>]*transform="rotate\(-90[^>]*>Prédictions<\/text>/);
    expect(svg).toMatch(/<g class="grid"[^>]*>\n<line /);
    expect(svg).toMatch(/<g class="points" fill="#1f77b4" fill-opacity="0.5">/);
  });

  it("draws y = x from the smallest to the largest value, on the diagonal of equal values", () => {
    const svg = courseFigure().toSvg();
    const line = /<polyline class="identity-line" points="([\d.]+),([\d.]+) ([\d.]+),([\d.]+)"[^>]*stroke-dasharray="6 4"/.exec(svg);
    expect(line).not.toBeNull();
    // The ends are the points (3, 3) and (8, 8): the same tick positions on both axes.
    const xTick = (label: string) => new RegExp(`<text x="([\\d.]+)" y="[\\d.]+">${label}</text>`).exec(svg)?.[1];
    expect(line?.[1]).toBe(xTick("3"));
    expect(line?.[3]).toBe(xTick("8"));
  });

  it("is deterministic: the same figure gives the same text", () => {
    expect(courseFigure().toSvg()).toBe(courseFigure().toSvg());
    const figure = courseFigure();
    expect(figure.toSvg()).toBe(figure.toSvg());
  });

  it("escapes text, so a title cannot inject markup", () => {
    const svg = new Figure()
      .scatter([1, 2], [1, 2])
      .title('<script>alert("x")</script> & co')
      .xLabel("a < b")
      .yLabel("l'axe")
      .toSvg();
    checkWellFormed(svg);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(svg).toContain(">a &lt; b</text>");
    expect(svg).toContain(">l&#39;axe</text>");
  });

  it("accepts Series and typed arrays, and draws an empty figure", () => {
    const svg = new Figure().scatter(new Series([1, 2, 3]), Float64Array.of(2, 4, 6)).toSvg();
    expect(checkWellFormed(svg).filter((name) => name === "circle")).toHaveLength(3);
    checkWellFormed(new Figure().identityLine().grid().toSvg());
  });

  it("scatterPlot() builds the whole course figure in one call", () => {
    const svg = scatterPlot([1, 2, 3], [1.1, 1.9, 3.2], { title: "T", xLabel: "X", yLabel: "Y" }).toSvg();
    checkWellFormed(svg);
    for (const part of ['class="identity-line"', 'class="grid"', ">T</text>", ">X</text>", ">Y</text>"]) {
      expect(svg).toContain(part);
    }
  });

  it("rejects bad input with a clear message", () => {
    expect(() => new Figure().scatter([1, 2], [1])).toThrow("x et y n'ont pas la même longueur : 2 et 1 valeurs.");
    expect(() => new Figure().scatter([1, Number.NaN], [1, 2])).toThrow(/x contient une valeur non finie \(NaN\)/);
    expect(() => new Figure({ width: 5 })).toThrow(InvalidInputError);
    expect(() => new Figure().scatter([1], [1], { opacity: 2 })).toThrow(/opacity doit être un nombre entre 0 et 1/);
  });
});

describe("Figure.save", () => {
  it("writes the SVG text through the file writer", async () => {
    const written = new Map<string, string>();
    const figure = courseFigure();
    const path = await figure.save("plots/scatter_plot.svg", {
      writeFile: async (file, text) => {
        written.set(file, text);
      },
    });
    expect(path).toBe("plots/scatter_plot.svg");
    expect(written.get("plots/scatter_plot.svg")).toBe(figure.toSvg());
  });

  it("writes to disk with node:fs by default", async () => {
    const { mkdtemp, readFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const directory = await mkdtemp(`${tmpdir()}/cuvee-plot-`);
    const figure = courseFigure();
    await figure.save(`${directory}/scatter_plot.svg`);
    expect(await readFile(`${directory}/scatter_plot.svg`, "utf8")).toBe(figure.toSvg());
  });

  it("refuses other formats than SVG", async () => {
    await expect(courseFigure().save("scatter_plot.png")).rejects.toThrow(/Seul le format SVG est disponible/);
  });
});

describe("number formatting and ticks", () => {
  it("prints coordinates with at most 2 decimals and never -0", () => {
    expect(formatCoordinate(12.5)).toBe("12.5");
    expect(formatCoordinate(3)).toBe("3");
    expect(formatCoordinate(-0.001)).toBe("0");
    expect(formatCoordinate(96.549999)).toBe("96.55");
    expect(formatTick(-0.0001, 2)).toBe("0.00");
  });

  it("chooses the 1-2-5 step nearest to a sixth of the range and prints ticks exactly", () => {
    expect(niceTicks({ min: 0, max: 1 })).toEqual({ values: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1 });
    const ticks = niceTicks({ min: -0.35, max: 0.35 });
    expect(ticks.values.map((tick) => formatTick(tick, ticks.decimals))).toEqual([
      "-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3",
    ]);
    expect(niceTicks({ min: 2.75, max: 8.25 }).values).toEqual([3, 4, 5, 6, 7, 8]);
    expect(niceTicks({ min: 0, max: 1500 }).values).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400]);
    const tiny = niceTicks({ min: 1e-9, max: 5e-9 });
    expect(tiny.values.map((tick) => formatTick(tick, tiny.decimals))).toEqual(
      ["1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"].map((mantissa) => `0.00000000${mantissa.replace(".", "")}`),
    );
  });
});
