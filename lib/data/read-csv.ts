import type { DataFrame } from "./dataframe";
import { InvalidInputError } from "./errors";
import { isFileNotFound, readTextFile, type ReadTextFile } from "./file-system";
import { parseCsv, type ParseCsvOptions } from "./parse-csv";

/** Options de `readCsv`. */
export interface ReadCsvOptions extends ParseCsvOptions {
  /**
   * La fonction qui lit le fichier. Défaut : `readFile(path, "utf8")` de `node:fs/promises`
   * (le vrai disque sous Node, le système de fichiers de l'exercice dans le navigateur).
   */
  readFile?: ReadTextFile;
}

/**
 * Lit un fichier CSV et renvoie un `DataFrame` (pandas : `pd.read_csv(path)`).
 * N'oubliez pas `await` : la lecture d'un fichier est asynchrone.
 *
 * @example
 * const data = await readCsv("red-wine-quality.csv");
 * console.log(data.shape); // [1599, 12]
 *
 * @throws {InvalidInputError} si le fichier n'existe pas ou si son contenu n'est pas un CSV numérique.
 */
export async function readCsv(path: string, options: ReadCsvOptions = {}): Promise<DataFrame> {
  const { readFile = readTextFile, ...parseOptions } = options;
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    if (isFileNotFound(error)) {
      throw new InvalidInputError(`Fichier introuvable : "${path}". Vérifiez son nom et son dossier.`, {
        cause: error,
      });
    }
    throw error;
  }
  return parseCsv(text, parseOptions);
}
