/**
 * The 30 blocs of the course, in order: numbers and titles of the learner's checklist
 * (from the curriculum, which keeps the original course's numbering). A bloc is written when
 * its folder exists in `content/blocs/`; the others show as "bientôt".
 */
export interface CatalogEntry {
  bloc: number;
  title: string;
  /** The MLflow notion the bloc teaches, as learners will search for it. */
  concept: string;
}

export const CATALOG: readonly CatalogEntry[] = [
  { bloc: 0, title: "Installer et démarrer", concept: "serveur de suivi, script de départ" },
  { bloc: 1, title: "Première expérience", concept: "setExperiment, startRun, endRun" },
  { bloc: 2, title: "Dépendances épinglées", concept: "requirements.txt" },
  { bloc: 3, title: "Où vont mes runs ?", concept: "setTrackingUri, getTrackingUri" },
  { bloc: 4, title: "Créer une expérience", concept: "createExperiment, getExperimentByName" },
  { bloc: 5, title: "Quel run est actif ?", concept: "activeRun, lastActiveRun" },
  { bloc: 6, title: "Logger des artefacts", concept: "logArtifacts" },
  { bloc: 7, title: "Étiqueter", concept: "setTags" },
  { bloc: 8, title: "Plusieurs runs", concept: "plusieurs startRun dans un script" },
  { bloc: 9, title: "Plusieurs expériences", concept: "plusieurs expériences" },
  { bloc: 10, title: "Autolog", concept: "mlflow.autolog" },
  { bloc: 11, title: "En production", concept: "PostgreSQL + S3" },
  { bloc: 12, title: "Logger à la main, proprement", concept: "logParams, logMetrics, evalMetrics" },
  { bloc: 13, title: "Logger le modèle", concept: "logModel, inferSignature, inputExample" },
  { bloc: 14, title: "Autolog du modèle", concept: "autolog remplace les appels manuels" },
  { bloc: 15, title: "Modèle personnalisé", concept: "PythonModel : loadContext, predict" },
  { bloc: 16, title: "Environnement du modèle", concept: "environnement aux versions épinglées" },
  { bloc: 17, title: "Recharger et prédire", concept: "loadModel(\"runs:/…\")" },
  { bloc: 18, title: "Évaluer automatiquement", concept: "mlflow.evaluate" },
  { bloc: 19, title: "Métriques personnalisées", concept: "makeMetric" },
  { bloc: 20, title: "Artefacts d'évaluation", concept: "customArtifacts" },
  { bloc: 21, title: "Un modèle de référence", concept: "DummyRegressor" },
  { bloc: 22, title: "Seuils de validation", concept: "MetricThreshold" },
  { bloc: 23, title: "Graphique prédictions / cibles", concept: "logArtifact(…, \"plots\")" },
  { bloc: 24, title: "Inscrire au registre", concept: "registeredModelName" },
  { bloc: 25, title: "Promotion automatique", concept: "MlflowClient, transitionModelVersionStage" },
  { bloc: 26, title: "Version dynamique", concept: "searchModelVersions" },
  { bloc: 27, title: "Commentaire automatique", concept: "setModelVersionTag" },
  { bloc: 28, title: "Servir le modèle", concept: "models serve, /invocations" },
  { bloc: 29, title: "Le poster", concept: "résumé visuel du pipeline" },
];

export function catalogEntry(bloc: number): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.bloc === bloc);
}
