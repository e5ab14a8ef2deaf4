/**
 * `cuvee/data` : lire le fichier CSV du cours et manipuler ses colonnes, l'équivalent (réduit)
 * de pandas.
 *
 * | pandas (Python)                     | cuvee/data (TypeScript)                    |
 * |-------------------------------------|--------------------------------------------|
 * | `data = pd.read_csv("f.csv")`       | `const data = await readCsv("f.csv")`      |
 * | `X = data.drop(["quality"], axis=1)`| `const X = data.drop(["quality"])`         |
 * | `y = data["quality"]`               | `const y = data.get("quality")`            |
 * | `data.head()` / `data.shape`        | `data.head()` / `data.shape`               |
 * | `data.to_csv("f.csv", index=False)` | `data.toCsv()`                             |
 *
 * @module
 */
export { DataFrame, type DataFrameColumns, type DataFrameOptions } from "./dataframe";
export { InvalidInputError } from "./errors";
export type { ReadTextFile } from "./file-system";
export { parseCsv, type ParseCsvOptions } from "./parse-csv";
export { readCsv, type ReadCsvOptions } from "./read-csv";
export { Series, type SeriesOptions } from "./series";
export type { NumericVector } from "./vector";
