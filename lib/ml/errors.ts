/**
 * Erreur levée quand on utilise un modèle (`predict`, `coef`…) avant de l'avoir entraîné
 * avec `fit(X, y)`. Même nom qu'en scikit-learn.
 */
export class NotFittedError extends Error {
  override name = "NotFittedError";

  constructor(estimatorName: string) {
    super(`Ce modèle ${estimatorName} n'est pas encore entraîné : appelez d'abord fit(X, y), puis predict(X).`);
  }
}
