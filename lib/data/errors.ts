/**
 * Erreur levée quand les données ou les paramètres fournis ne conviennent pas
 * (colonne inconnue, valeur manquante, longueurs différentes…).
 * Le message, en français, nomme le problème et, quand c'est possible, la façon de le corriger.
 */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
}

/** Joins names for a message: `"a", "b", "c"`. */
export function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
