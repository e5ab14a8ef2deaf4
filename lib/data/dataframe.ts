import { InvalidInputError, quoteList } from "./errors";
import { adoptSeries, checkPosition, type Series } from "./series";
import { alignColumns, formatCell, nodeInspectSymbol, rowsToShow } from "./text-table";

/** Colonnes d'un `DataFrame` : un objet `{ nom: valeurs }` ou une liste de paires `[nom, valeurs]`. */
export type DataFrameColumns =
  | Readonly<Record<string, ArrayLike<number>>>
  | ReadonlyArray<readonly [name: string, values: ArrayLike<number>]>;

/** Options de construction d'un `DataFrame`. */
export interface DataFrameOptions {
  /** Étiquettes des lignes (comme l'index de pandas). Défaut : 0, 1, 2… */
  index?: ArrayLike<number>;
}

/** A frame's storage: one Float64Array per column (column-major, what the solvers want). */
export interface FrameParts {
  readonly columns: readonly string[];
  readonly data: readonly Float64Array[];
  readonly index: Int32Array;
}

// Kept outside the class for the same reason as in series.ts: the kit reads the columns without
// copying them, and the public type stays the learner-facing API.
const partsByFrame = new WeakMap<DataFrame, FrameParts>();

/**
 * Un tableau de données numériques à colonnes nommées, l'équivalent (réduit) d'un
 * `pandas.DataFrame`. Un `DataFrame` ne change jamais : `drop`, `head`… renvoient un nouveau tableau.
 *
 * @example
 * const data = await readCsv("red-wine-quality.csv");
 * const X = data.drop(["quality"]); // pandas : data.drop(["quality"], axis=1)
 * const y = data.get("quality");    // pandas : data["quality"]
 */
export class DataFrame {
  /**
   * Crée un tableau à partir de ses colonnes. Avec un objet, l'ordre des colonnes est celui des
   * clés (attention : JavaScript place d'abord les clés qui sont des entiers, comme "1") ;
   * une liste de paires `[nom, valeurs]` garde toujours l'ordre donné.
   */
  constructor(columns: DataFrameColumns, options: DataFrameOptions = {}) {
    const entries: ReadonlyArray<readonly [string, ArrayLike<number>]> = Array.isArray(columns)
      ? columns
      : Object.entries(columns as Readonly<Record<string, ArrayLike<number>>>);
    const names = entries.map(([name]) => name);
    checkColumnNames(names);
    const rowCount = entries[0]?.[1].length ?? options.index?.length ?? 0;
    const data = entries.map(([name, values]) => {
      if (values.length !== rowCount) {
        throw new InvalidInputError(
          `La colonne "${name}" a ${values.length} valeurs alors que la colonne "${names[0]}" en a ${rowCount} : ` +
            "toutes les colonnes doivent avoir le même nombre de lignes.",
        );
      }
      return Float64Array.from(values);
    });
    const index = options.index ? Int32Array.from(options.index) : Int32Array.from({ length: rowCount }, (_, i) => i);
    if (index.length !== rowCount) {
      throw new InvalidInputError(`L'index a ${index.length} étiquettes pour ${rowCount} lignes.`);
    }
    partsByFrame.set(this, { columns: names, data, index });
  }

  /** Noms des colonnes, dans l'ordre. */
  get columns(): string[] {
    return [...frameParts(this).columns];
  }

  /** Dimensions `[lignes, colonnes]`, comme `data.shape` de pandas. */
  get shape(): [rows: number, columns: number] {
    const { columns, index } = frameParts(this);
    return [index.length, columns.length];
  }

  /** Étiquettes des lignes (numéros de ligne dans le fichier d'origine, comme l'index de pandas). */
  get index(): number[] {
    return Array.from(frameParts(this).index);
  }

  /**
   * La colonne `column` sous forme de `Series` (pandas : `data["quality"]`).
   * @throws {InvalidInputError} si la colonne n'existe pas.
   */
  get(column: string): Series {
    const { data, index } = frameParts(this);
    return adoptSeries({ name: column, values: data[positionOf(this, column)] as Float64Array, index });
  }

  /**
   * Le même tableau sans les colonnes données (pandas : `data.drop(["quality"], axis=1)`).
   * @throws {InvalidInputError} si une colonne n'existe pas.
   */
  drop(columns: string | readonly string[]): DataFrame {
    const toDrop = new Set(typeof columns === "string" ? [columns] : columns);
    for (const column of toDrop) positionOf(this, column);
    const { columns: names, data, index } = frameParts(this);
    const kept = names.flatMap((name, i) => (toDrop.has(name) ? [] : [i]));
    return adoptFrame({ columns: kept.map((i) => names[i] as string), data: kept.map((i) => data[i] as Float64Array), index });
  }

  /** Les `n` premières lignes (5 par défaut), comme `data.head()` de pandas. */
  head(n = 5): DataFrame {
    const end = Math.max(0, Math.min(n, this.shape[0]));
    return this.take(Array.from({ length: end }, (_, i) => i));
  }

  /** Les lignes aux positions données, dans cet ordre (index conservé), comme `data.take()` de pandas. */
  take(positions: ArrayLike<number>): DataFrame {
    const { columns, data, index } = frameParts(this);
    const rows = Int32Array.from({ length: positions.length }, (_, i) => checkPosition(positions[i], index.length));
    const taken = data.map((source) => {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = source[rows[i] as number] as number;
      return values;
    });
    return adoptFrame({ columns, data: taken, index: Int32Array.from(rows, (row) => index[row] as number) });
  }

  /** Les lignes sous forme de tableaux de nombres (une ligne = un tableau, dans l'ordre des colonnes). */
  toArray(): number[][] {
    const { data, index } = frameParts(this);
    return Array.from(index, (_, row) => data.map((column) => column[row] as number));
  }

  /** Les lignes sous forme d'objets `{ colonne: valeur }` (pandas : `data.to_dict("records")`). */
  toRows(): Record<string, number>[] {
    const { columns, data, index } = frameParts(this);
    return Array.from(index, (_, row) =>
      Object.fromEntries(columns.map((name, c) => [name, (data[c] as Float64Array)[row] as number])),
    );
  }

  /**
   * Le tableau au format CSV (séparateur virgule, en-tête, sans index, fin de ligne `\n`),
   * comme `data.to_csv(index=False)` de pandas.
   */
  toCsv(): string {
    const { columns } = frameParts(this);
    const lines = [columns.map(csvField).join(","), ...this.toArray().map((row) => row.map(formatCell).join(","))];
    return `${lines.join("\n")}\n`;
  }

  /** Affichage en texte, proche de celui de pandas. */
  toString(): string {
    const { columns, data, index } = frameParts(this);
    const lines = [
      ["", ...columns],
      ...rowsToShow(index.length).map((row) =>
        row === null
          ? ["..", ...columns.map(() => "...")]
          : [String(index[row]), ...data.map((column) => formatCell(column[row] as number))],
      ),
    ];
    const [rowCount, columnCount] = this.shape;
    // pandas states the dimensions only when rows were left out.
    const dimensions = rowCount > lines.length - 1 ? `\n\n[${rowCount} rows x ${columnCount} columns]` : "";
    return `${alignColumns(lines)}${dimensions}`;
  }

  [nodeInspectSymbol](): string {
    return this.toString();
  }
}

/**
 * Wraps arrays the caller gives up (no copy): for the kit's modules, which never mutate a
 * frame's arrays afterwards, so frames and series may share columns.
 */
export function adoptFrame(parts: FrameParts): DataFrame {
  const frame = Object.create(DataFrame.prototype) as DataFrame;
  partsByFrame.set(frame, parts);
  return frame;
}

/** The frame's own arrays, for the kit's modules only (never hand them out: frames are immutable). */
export function frameParts(frame: DataFrame): FrameParts {
  const parts = partsByFrame.get(frame);
  if (!parts) throw new InvalidInputError("Ce DataFrame n'a pas été créé par le constructeur DataFrame.");
  return parts;
}

/** The column's position. @throws {InvalidInputError} naming the available columns. */
function positionOf(frame: DataFrame, column: string): number {
  const { columns } = frameParts(frame);
  const position = columns.indexOf(column);
  if (position === -1) throw unknownColumnError(column, columns);
  return position;
}

function unknownColumnError(column: string, columns: readonly string[]): InvalidInputError {
  const sameButCase = columns.find((name) => name.toLowerCase() === column.toLowerCase());
  const hint = sameButCase === undefined ? "" : ` Vouliez-vous dire "${sameButCase}" ? (les majuscules comptent)`;
  return new InvalidInputError(
    `La colonne "${column}" n'existe pas.${hint} Colonnes disponibles : ${quoteList(columns)}.`,
  );
}

/** Column names must be non-empty and unique. */
export function checkColumnNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== "string" || name === "") {
      throw new InvalidInputError("Chaque colonne doit avoir un nom non vide.");
    }
    if (seen.has(name)) throw new InvalidInputError(`La colonne "${name}" apparaît deux fois.`);
    seen.add(name);
  }
}

/** Quotes a header field only when CSV requires it. */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
