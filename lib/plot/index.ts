/**
 * `cuvee/plot` : dessiner un nuage de points (prédictions contre valeurs réelles) et
 * l'enregistrer en SVG, l'équivalent réduit de `matplotlib.pyplot`.
 *
 * | matplotlib (Python)                         | cuvee/plot (TypeScript)                     |
 * |---------------------------------------------|---------------------------------------------|
 * | `plt.figure(figsize=(8, 6))`                | `new Figure({ width: 800, height: 600 })`   |
 * | `plt.scatter(x, y, alpha=0.5)`              | `.scatter(x, y, { opacity: 0.5 })`          |
 * | `plt.plot([lo, hi], [lo, hi], "r--")`       | `.identityLine()`                           |
 * | `plt.xlabel(...)`, `plt.ylabel(...)`        | `.xLabel(...)`, `.yLabel(...)`              |
 * | `plt.title(...)`, `plt.grid(True)`          | `.title(...)`, `.grid()`                    |
 * | `plt.savefig("scatter_plot.png")`           | `await figure.save("scatter_plot.svg")`     |
 *
 * @module
 */
export {
  Figure,
  scatterPlot,
  type FigureOptions,
  type LineOptions,
  type SaveOptions,
  type ScatterOptions,
} from "./figure";
export { InvalidInputError } from "../data/errors";
