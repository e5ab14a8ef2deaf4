import Papa from "papaparse";

import { adoptFrame, checkColumnNames, type DataFrame } from "./dataframe";
import { InvalidInputError } from "./errors";

/** Options de lecture d'un CSV. */
export interface ParseCsvOptions {
  /** Séparateur des champs. Défaut : `","` (comme `pandas.read_csv`). */
  delimiter?: string;
}

// Texts pandas.read_csv reads as a missing value (its default `na_values`).
const MISSING_VALUE_TEXTS = new Set([
  "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
  "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
]);
const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

/**
 * Lit le texte d'un fichier CSV (première ligne = noms des colonnes) et renvoie un `DataFrame`.
 * Toutes les colonnes doivent être numériques ; une cellule vide (ou `NA`, `NaN`…) devient `NaN`,
 * comme avec pandas. Chaque nombre vaut exactement `parseFloat` de son texte.
 *
 * @throws {InvalidInputError} si le texte est vide, si une ligne n'a pas autant de valeurs que
 *   l'en-tête, ou si une cellule n'est pas un nombre.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): DataFrame {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(withoutBom, { delimiter: options.delimiter ?? ",", skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    throw new InvalidInputError(
      `CSV mal formé ligne ${(quoteError.row ?? 0) + 1} : guillemets non refermés ou mal placés (${quoteError.message}).`,
    );
  }

  // Line numbers assume one record per line, true of any CSV without quoted line breaks.
  const records = parsed.data
    .map((fields, i) => ({ fields, line: i + 1 }))
    .filter(({ fields }) => !(fields.length === 1 && fields[0]?.trim() === ""));
  const [header, ...rows] = records;
  if (!header) throw new InvalidInputError("Le fichier CSV est vide : il faut au moins une ligne d'en-tête.");

  const columns = header.fields;
  const data = columns.map(() => new Float64Array(rows.length));
  rows.forEach(({ fields, line }, row) => {
    if (fields.length !== columns.length) {
      throw new InvalidInputError(
        `Ligne ${line} du CSV : ${fields.length} valeurs au lieu de ${columns.length} ` +
          `(autant que de colonnes dans l'en-tête). Vérifiez le séparateur et les virgules de cette ligne.`,
      );
    }
    fields.forEach((field, column) => {
      (data[column] as Float64Array)[row] = parseCell(field, line, columns[column] as string);
    });
  });
  checkColumnNames(columns);
  return adoptFrame({ columns, data, index: Int32Array.from({ length: rows.length }, (_, i) => i) });
}

function parseCell(field: string, line: number, column: string): number {
  const text = field.trim();
  if (DECIMAL_NUMBER.test(text)) return parseFloat(text);
  if (MISSING_VALUE_TEXTS.has(text)) return Number.NaN;
  const infinity = INFINITY.exec(text);
  if (infinity) return infinity[1] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  throw new InvalidInputError(
    `Ligne ${line} du CSV, colonne "${column}" : "${text}" n'est pas un nombre. ` +
      "Ce kit ne lit que des colonnes numériques (le point sert de séparateur décimal).",
  );
}
