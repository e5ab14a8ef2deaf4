import { InvalidInputError } from "./errors";
import { alignColumns, formatCell, nodeInspectSymbol, rowsToShow } from "./text-table";

/** Options de construction d'une `Series`. */
export interface SeriesOptions {
  /** Nom de la série (le nom de la colonne d'origine). Défaut : `""`. */
  name?: string;
  /**
   * Étiquettes des lignes (numéros des lignes du fichier d'origine, comme l'index de pandas).
   * Défaut : 0, 1, 2…
   */
  index?: ArrayLike<number>;
}

interface SeriesParts {
  readonly name: string;
  readonly values: Float64Array;
  readonly index: Int32Array;
}

// The storage lives outside the class so that the kit's other modules can read it without a
// copy, while the public type (and the editor's .d.ts) shows only the learner-facing methods.
const partsBySeries = new WeakMap<Series, SeriesParts>();

/**
 * Une colonne de nombres, l'équivalent d'une `pandas.Series` : par exemple la cible
 * `y = data.get("quality")`. Une `Series` ne change jamais : chaque méthode renvoie une
 * nouvelle série.
 */
export class Series implements Iterable<number> {
  constructor(values: ArrayLike<number>, options: SeriesOptions = {}) {
    const name = options.name ?? "";
    const copy = Float64Array.from(values);
    const index = options.index ? Int32Array.from(options.index) : Int32Array.from(copy, (_, i) => i);
    if (index.length !== copy.length) {
      throw new InvalidInputError(`L'index de la série "${name}" a ${index.length} étiquettes pour ${copy.length} valeurs.`);
    }
    partsBySeries.set(this, { name, values: copy, index });
  }

  /** Nom de la série (nom de la colonne d'origine). */
  get name(): string {
    return seriesParts(this).name;
  }

  /** Nombre de valeurs. */
  get length(): number {
    return seriesParts(this).values.length;
  }

  /** Étiquettes des lignes (numéros de ligne dans le fichier d'origine, comme l'index de pandas). */
  get index(): number[] {
    return Array.from(seriesParts(this).index);
  }

  /** La valeur à la position `position` (comptée depuis la fin si elle est négative), comme `Array.prototype.at`. */
  at(position: number): number | undefined {
    return seriesParts(this).values.at(position);
  }

  /** Les `n` premières valeurs (5 par défaut), comme `series.head()` de pandas. */
  head(n = 5): Series {
    const end = Math.max(0, Math.min(n, this.length));
    return this.take(Array.from({ length: end }, (_, i) => i));
  }

  /** Les valeurs aux positions données, dans cet ordre (index conservé), comme `series.take()` de pandas. */
  take(positions: ArrayLike<number>): Series {
    const { values, index } = seriesParts(this);
    const takenValues = new Float64Array(positions.length);
    const takenIndex = new Int32Array(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const position = checkPosition(positions[i], values.length);
      takenValues[i] = values[position] as number;
      takenIndex[i] = index[position] as number;
    }
    return adoptSeries({ name: this.name, values: takenValues, index: takenIndex });
  }

  /** Une copie des valeurs dans un tableau `number[]` (l'équivalent de `series.values`). */
  toArray(): number[] {
    return Array.from(seriesParts(this).values);
  }

  [Symbol.iterator](): Iterator<number> {
    return seriesParts(this).values[Symbol.iterator]();
  }

  /** Affichage en texte, proche de celui de pandas. */
  toString(): string {
    const { values, index } = seriesParts(this);
    const lines = rowsToShow(values.length).map((position) =>
      position === null ? ["..", ".."] : [String(index[position]), formatCell(values[position] as number)],
    );
    return `${alignColumns(lines)}\nName: ${this.name}, Length: ${values.length}`;
  }

  [nodeInspectSymbol](): string {
    return this.toString();
  }
}

/**
 * Wraps arrays the caller gives up (no copy): for the kit's modules, which never mutate a
 * series' arrays afterwards, so several series and frames may share them.
 */
export function adoptSeries(parts: SeriesParts): Series {
  const series = Object.create(Series.prototype) as Series;
  partsBySeries.set(series, parts);
  return series;
}

/** The series' own arrays, for the kit's modules only (never hand them out: series are immutable). */
export function seriesParts(series: Series): SeriesParts {
  const parts = partsBySeries.get(series);
  if (!parts) throw new InvalidInputError("Cette Series n'a pas été créée par le constructeur Series.");
  return parts;
}

/** Validates a row position (an integer inside [0, length)) and returns it. */
export function checkPosition(position: number | undefined, length: number): number {
  if (position === undefined || !Number.isInteger(position) || position < 0 || position >= length) {
    throw new InvalidInputError(
      `Position de ligne invalide : ${String(position)} (il y a ${length} lignes, positions 0 à ${length - 1}).`,
    );
  }
  return position;
}
