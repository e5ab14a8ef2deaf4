import { InvalidInputError } from "../data/errors";
import { writeTextFile, type WriteTextFile } from "../data/file-system";
import { firstNonFinite, toFloat64Array, type NumericVector } from "../data/vector";

import { formatCoordinate, formatTick } from "./format-number";
import { linearScale, niceTicks, paddedDomain, type AxisDomain, type Ticks } from "./scale";
import { emptyElement, groupElement, textElement } from "./svg";

/** Taille de la figure, en pixels. */
export interface FigureOptions {
  /** Largeur. Défaut : `640` (matplotlib : 6,4 pouces à 100 dpi). */
  width?: number;
  /** Hauteur. Défaut : `480`. */
  height?: number;
}

/** Apparence d'un nuage de points. */
export interface ScatterOptions {
  /** Couleur CSS des points. Défaut : `"#1f77b4"` (le bleu de matplotlib). */
  color?: string;
  /** Opacité entre 0 et 1 (matplotlib : `alpha`). Défaut : `1`. */
  opacity?: number;
  /** Rayon des points en pixels. Défaut : `3`. */
  radius?: number;
}

/** Apparence d'une ligne. */
export interface LineOptions {
  /** Couleur CSS. Défaut : `"#d62728"` (rouge). */
  color?: string;
  /** Tirets (matplotlib : `"--"`). Défaut : `false` pour `line`, `true` pour `identityLine`. */
  dashed?: boolean;
  /** Épaisseur en pixels. Défaut : `1.5`. */
  width?: number;
}

/** Options de `Figure.save`. */
export interface SaveOptions {
  /** La fonction qui écrit le fichier. Défaut : `writeFile` de `node:fs/promises`. */
  writeFile?: WriteTextFile;
}

interface PointSeries {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly style: Required<ScatterOptions>;
}

interface LineSeries {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly style: Required<LineOptions>;
}

const MARGIN = { top: 40, right: 20, bottom: 50, left: 64 } as const;
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

/**
 * Une figure : un nuage de points, une droite de référence y = x, des titres et une grille,
 * rendue en SVG (l'équivalent réduit de `matplotlib.pyplot`). Chaque méthode renvoie la figure,
 * pour enchaîner les appels.
 *
 * @example
 * // Python : plt.scatter(targets, predictions, alpha=0.5); plt.plot([lo, hi], [lo, hi], "r--")
 * //          plt.xlabel(...); plt.ylabel(...); plt.title(...); plt.grid(True); plt.savefig(path)
 * const figure = new Figure({ width: 800, height: 600 })
 *   .scatter(targets, predictions, { opacity: 0.5 })
 *   .identityLine()
 *   .xLabel("Valeurs réelles (Target)")
 *   .yLabel("Prédictions")
 *   .title("Comparaison : Prédictions vs Cibles")
 *   .grid();
 * await figure.save("scatter_plot.svg");
 */
export class Figure {
  readonly #width: number;
  readonly #height: number;
  readonly #points: PointSeries[] = [];
  readonly #lines: LineSeries[] = [];
  #identityLine: Required<LineOptions> | null = null;
  #title = "";
  #xLabel = "";
  #yLabel = "";
  #grid = false;

  /** @throws {InvalidInputError} si la taille n'est pas un nombre de pixels raisonnable. */
  constructor(options: FigureOptions = {}) {
    this.#width = checkSize("width", options.width ?? 640);
    this.#height = checkSize("height", options.height ?? 480);
  }

  /**
   * Ajoute un nuage de points (matplotlib : `plt.scatter(x, y)`).
   * @throws {InvalidInputError} si x et y n'ont pas la même longueur ou contiennent NaN.
   */
  scatter(x: NumericVector, y: NumericVector, options: ScatterOptions = {}): this {
    const { color = "#1f77b4", opacity = 1, radius = 3 } = options;
    checkFraction("opacity", opacity);
    this.#points.push({ ...checkedPairs(x, y), style: { color, opacity, radius } });
    return this;
  }

  /** Ajoute une ligne brisée reliant les points (x[i], y[i]) (matplotlib : `plt.plot(x, y)`). */
  line(x: NumericVector, y: NumericVector, options: LineOptions = {}): this {
    this.#lines.push({ ...checkedPairs(x, y), style: lineStyle(options, false) });
    return this;
  }

  /**
   * Ajoute la droite y = x, la référence des prédictions parfaites (matplotlib :
   * `plt.plot([lo, hi], [lo, hi], "r--")`). Elle va de la plus petite à la plus grande valeur
   * de la figure, sur les deux axes.
   */
  identityLine(options: LineOptions = {}): this {
    this.#identityLine = lineStyle(options, true);
    return this;
  }

  /** Titre de la figure (matplotlib : `plt.title`). */
  title(text: string): this {
    this.#title = String(text);
    return this;
  }

  /** Légende de l'axe horizontal (matplotlib : `plt.xlabel`). */
  xLabel(text: string): this {
    this.#xLabel = String(text);
    return this;
  }

  /** Légende de l'axe vertical (matplotlib : `plt.ylabel`). */
  yLabel(text: string): this {
    this.#yLabel = String(text);
    return this;
  }

  /** Affiche (ou masque) la grille (matplotlib : `plt.grid(True)`). */
  grid(visible = true): this {
    this.#grid = visible;
    return this;
  }

  /** La figure en texte SVG. Le même appel donne toujours exactement le même texte. */
  toSvg(): string {
    const identity = this.#identityRange();
    const identityLines: LineSeries[] =
      identity && this.#identityLine ? [{ x: identity, y: identity, style: this.#identityLine }] : [];
    const layout = plotLayout(
      this.#width,
      this.#height,
      paddedDomain(this.#allValues("x", identity)),
      paddedDomain(this.#allValues("y", identity)),
    );
    const { width, height } = layout;
    return [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12">`,
      textElement("title", {}, this.#title || "Figure"),
      emptyElement("rect", { class: "background", x: 0, y: 0, width, height, fill: "#ffffff" }),
      ...(this.#grid ? [renderGrid(layout)] : []),
      ...this.#points.map((series) => renderPoints(layout, series)),
      ...this.#lines.map((series) => renderLine(layout, series, "line")),
      ...identityLines.map((series) => renderLine(layout, series, "identity-line")),
      ...renderAxes(layout),
      ...renderLabels(layout, this.#title, this.#xLabel, this.#yLabel),
      "</svg>",
      "",
    ].join("\n");
  }

  /**
   * Enregistre la figure dans un fichier SVG et renvoie son chemin (matplotlib : `plt.savefig`).
   * N'oubliez pas `await`.
   * @throws {InvalidInputError} si le nom du fichier ne finit pas par `.svg`.
   */
  async save(path: string, options: SaveOptions = {}): Promise<string> {
    if (!/\.svg$/i.test(path)) {
      throw new InvalidInputError(
        `Seul le format SVG est disponible : donnez un nom de fichier en .svg (reçu : "${path}").`,
      );
    }
    const { writeFile = writeTextFile } = options;
    await writeFile(path, this.toSvg());
    return path;
  }

  /** [lo, hi] for the y = x line: the extent of every x and y value, or null if not requested or empty. */
  #identityRange(): Float64Array | null {
    if (!this.#identityLine) return null;
    const values = [...this.#allValues("x", null), ...this.#allValues("y", null)];
    if (values.length === 0) return null;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const value of values) {
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    return Float64Array.of(lo, hi);
  }

  #allValues(axis: "x" | "y", identity: Float64Array | null): number[] {
    const values: number[] = [];
    for (const series of [...this.#points, ...this.#lines]) {
      for (const value of series[axis]) values.push(value);
    }
    if (identity) values.push(identity[0] as number, identity[1] as number);
    return values;
  }
}

/** Where everything goes, in pixels; y grows downwards in SVG. */
interface Layout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly toX: (value: number) => number;
  readonly toY: (value: number) => number;
  readonly xTicks: Ticks;
  readonly yTicks: Ticks;
}

function plotLayout(width: number, height: number, xDomain: AxisDomain, yDomain: AxisDomain): Layout {
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    toX: linearScale(xDomain, left, right),
    toY: linearScale(yDomain, bottom, top),
    xTicks: niceTicks(xDomain),
    yTicks: niceTicks(yDomain),
  };
}

const px = formatCoordinate;

function renderGrid({ left, right, top, bottom, toX, toY, xTicks, yTicks }: Layout): string {
  return groupElement("g", { class: "grid", stroke: "#b0b0b0", "stroke-width": "0.8", "stroke-opacity": "0.5" }, [
    ...xTicks.values.map((tick) => emptyElement("line", { x1: px(toX(tick)), y1: px(top), x2: px(toX(tick)), y2: px(bottom) })),
    ...yTicks.values.map((tick) => emptyElement("line", { x1: px(left), y1: px(toY(tick)), x2: px(right), y2: px(toY(tick)) })),
  ]);
}

function renderPoints({ toX, toY }: Layout, { x, y, style }: PointSeries): string {
  return groupElement(
    "g",
    { class: "points", fill: style.color, "fill-opacity": String(style.opacity) },
    Array.from(x, (value, i) =>
      emptyElement("circle", { cx: px(toX(value)), cy: px(toY(y[i] as number)), r: String(style.radius) }),
    ),
  );
}

function renderLine({ toX, toY }: Layout, { x, y, style }: LineSeries, className: string): string {
  return emptyElement("polyline", {
    class: className,
    points: Array.from(x, (value, i) => `${px(toX(value))},${px(toY(y[i] as number))}`).join(" "),
    fill: "none",
    stroke: style.color,
    "stroke-width": String(style.width),
    "stroke-dasharray": style.dashed ? "6 4" : undefined,
  });
}

function renderAxes({ left, right, top, bottom, toX, toY, xTicks, yTicks }: Layout): string[] {
  return [
    emptyElement("rect", {
      class: "frame",
      x: px(left),
      y: px(top),
      width: px(right - left),
      height: px(bottom - top),
      fill: "none",
      stroke: "#000000",
    }),
    groupElement("g", { class: "x-ticks", "text-anchor": "middle" }, [
      ...xTicks.values.map((tick) =>
        emptyElement("line", { x1: px(toX(tick)), y1: px(bottom), x2: px(toX(tick)), y2: px(bottom + 5), stroke: "#000000" }),
      ),
      ...xTicks.values.map((tick) => textElement("text", { x: px(toX(tick)), y: px(bottom + 18) }, formatTick(tick, xTicks.decimals))),
    ]),
    groupElement("g", { class: "y-ticks", "text-anchor": "end" }, [
      ...yTicks.values.map((tick) =>
        emptyElement("line", { x1: px(left - 5), y1: px(toY(tick)), x2: px(left), y2: px(toY(tick)), stroke: "#000000" }),
      ),
      ...yTicks.values.map((tick) => textElement("text", { x: px(left - 8), y: px(toY(tick) + 4) }, formatTick(tick, yTicks.decimals))),
    ]),
  ];
}

function renderLabels(layout: Layout, title: string, xLabel: string, yLabel: string): string[] {
  const centerX = px((layout.left + layout.right) / 2);
  const centerY = px((layout.top + layout.bottom) / 2);
  const labels: string[] = [];
  if (title) {
    labels.push(textElement("text", { class: "title", x: px(layout.width / 2), y: "24", "text-anchor": "middle", "font-size": "14" }, title));
  }
  if (xLabel) {
    labels.push(textElement("text", { class: "x-label", x: centerX, y: px(layout.height - 12), "text-anchor": "middle" }, xLabel));
  }
  if (yLabel) {
    labels.push(
      textElement("text", { class: "y-label", x: "16", y: centerY, "text-anchor": "middle", transform: `rotate(-90 16 ${centerY})` }, yLabel),
    );
  }
  return labels;
}

/**
 * Un nuage de points prêt à l'emploi : les points (x, y), la droite y = x, la grille, le titre
 * et les légendes des axes.
 *
 * @example
 * await scatterPlot(yTest, predictions, {
 *   title: "Prédictions vs valeurs réelles",
 *   xLabel: "Valeurs réelles",
 *   yLabel: "Prédictions",
 * }).save("scatter_plot.svg");
 */
export function scatterPlot(
  x: NumericVector,
  y: NumericVector,
  options: FigureOptions & ScatterOptions & { title?: string; xLabel?: string; yLabel?: string } = {},
): Figure {
  const { width, height, color, opacity, radius, title = "", xLabel = "", yLabel = "" } = options;
  return new Figure({ width, height })
    .scatter(x, y, { color, opacity, radius })
    .identityLine()
    .title(title)
    .xLabel(xLabel)
    .yLabel(yLabel)
    .grid();
}

function checkedPairs(x: NumericVector, y: NumericVector): { x: Float64Array; y: Float64Array } {
  const xs = toFloat64Array(x, "x");
  const ys = toFloat64Array(y, "y");
  if (xs.length !== ys.length) {
    throw new InvalidInputError(`x et y n'ont pas la même longueur : ${xs.length} et ${ys.length} valeurs.`);
  }
  for (const [name, values] of [["x", xs], ["y", ys]] as const) {
    const position = firstNonFinite(values);
    if (position !== -1) {
      throw new InvalidInputError(`${name} contient une valeur non finie (${values[position]}) à la position ${position}.`);
    }
  }
  return { x: xs, y: ys };
}

function lineStyle(options: LineOptions, dashedByDefault: boolean): Required<LineOptions> {
  const { color = "#d62728", dashed = dashedByDefault, width = 1.5 } = options;
  if (!(typeof width === "number" && width > 0 && width < 100)) {
    throw new InvalidInputError(`L'épaisseur de ligne doit être un nombre de pixels entre 0 et 100 (reçu : ${String(width)}).`);
  }
  return { color, dashed, width };
}

function checkSize(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 100 && value <= 10000)) {
    throw new InvalidInputError(`${name} doit être un nombre entier de pixels entre 100 et 10000 (reçu : ${String(value)}).`);
  }
  return value;
}

function checkFraction(name: string, value: number): void {
  if (!(typeof value === "number" && value >= 0 && value <= 1)) {
    throw new InvalidInputError(`${name} doit être un nombre entre 0 et 1 (reçu : ${String(value)}).`);
  }
}
