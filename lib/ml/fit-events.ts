import type { FeatureInput, TargetInput } from "./numeric-input";
import type { ParamValue, Regressor } from "./regressor";

/** Ce qu'un écouteur de `onFit` reçoit juste après chaque entraînement. */
export interface FitEvent {
  /** Le modèle qui vient d'être entraîné (on peut appeler `predict`, `score`, lire `coef`…). */
  readonly estimator: Regressor;
  /** Les variables explicatives passées à `fit`, telles quelles. */
  readonly X: FeatureInput;
  /** La cible passée à `fit`, telle quelle. */
  readonly y: TargetInput;
  /** Les hyperparamètres, sous leurs noms scikit-learn (`estimator.getParams()`). */
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** Un écouteur d'entraînements. */
export type FitListener = (event: FitEvent) => void;

// One registry per JavaScript realm, even if this module ends up bundled twice (say, once with
// the learner's code and once with the MLflow SDK that subscribes): both copies find the same
// Set under this global symbol.
const REGISTRY_KEY = Symbol.for("cuvee.ml.fitListeners");

function listeners(): Set<FitListener> {
  const global = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Set<FitListener> };
  global[REGISTRY_KEY] ??= new Set<FitListener>();
  return global[REGISTRY_KEY];
}

/**
 * Appelle `listener` après chaque `fit` réussi de n'importe quel modèle du kit ; renvoie la
 * fonction qui le désabonne. C'est le point d'accroche de `mlflow.autolog()` : l'écouteur
 * enregistre `params` et calcule les métriques d'entraînement avec
 * `event.estimator.predict(event.X)` et `event.estimator.score(event.X, event.y)`.
 *
 * L'écouteur est appelé de façon synchrone, à la fin de `fit`. S'il lance un travail
 * asynchrone, c'est à lui de le suivre et d'en traiter les erreurs ; s'il lève une exception,
 * elle remonte à l'appelant de `fit`.
 *
 * @example
 * const stop = onFit(({ estimator, params }) => console.log(estimator.estimatorName, params));
 * model.fit(XTrain, yTrain); // affiche "ElasticNet { alpha: 0.5, ... }"
 * stop();
 */
export function onFit(listener: FitListener): () => void {
  const registry = listeners();
  // Wrap so that subscribing the same function twice gives two independent subscriptions.
  const subscription: FitListener = (event) => listener(event);
  registry.add(subscription);
  return () => {
    registry.delete(subscription);
  };
}

/** Tells every listener that a fit just finished. For the kit's estimators only. */
export function notifyFit(event: FitEvent): void {
  // Copy first: a listener may unsubscribe itself while being called.
  for (const listener of [...listeners()]) listener(event);
}
