import { type BlocCheck, entrySource, failed, findCalls, isWorkspaceTrackingUri, newestExecutionRun, parseLearnerCode, passed, printedUrls, workspaceTrackingPath } from "@/lib/server/checks/kit";

/** Calls that reach the tracking server: the URI must be chosen before the first of them. */
const SERVER_CALLS = ["setExperiment", "createExperiment", "getExperimentByName", "startRun", "logParam", "logMetric"];

/** Bloc 3: the code sets the tracking URI before talking to the server, prints it, and it is the learner's workspace. */
export const check: BlocCheck = async ({ tracking, output, code, runIds }) => {
  const file = parseLearnerCode(entrySource(code));
  const setUri = findCalls(file, "setTrackingUri")[0];
  if (!setUri) {
    return failed("Votre code ne choisit pas son serveur de suivi.", [
      'Ajoutez mlflow.setTrackingUri(process.env.MLFLOW_TRACKING_URI ?? "http://localhost:3000"); avant mlflow.setExperiment(…).',
    ]);
  }
  const firstServerCall = SERVER_CALLS.flatMap((name) => findCalls(file, name)).sort((a, b) => a.position - b.position)[0];
  if (firstServerCall && firstServerCall.position < setUri.position) {
    return failed(`mlflow.setTrackingUri (ligne ${setUri.line}) arrive après le premier appel au serveur (ligne ${firstServerCall.line}).`, [
      "Choisissez le serveur avant tout le reste : les appels précédents sont partis vers l'adresse par défaut.",
    ]);
  }
  if (findCalls(file, "getTrackingUri").length === 0) {
    return failed("Votre code n'affiche pas l'URI de suivi.", ["Affichez-la avec console.log(`Serveur de suivi : ${mlflow.getTrackingUri()}`);"]);
  }
  const urls = printedUrls(output);
  if (!urls.some((url) => isWorkspaceTrackingUri(url, tracking.workspaceId))) {
    const path = workspaceTrackingPath(tracking.workspaceId) || "/";
    return failed("La sortie de votre dernière exécution n'affiche pas l'URI de votre espace.", [
      urls.length > 0 ? `Adresse affichée : ${urls[0]!.href} ; attendu : une adresse qui se termine par ${path}.` : "Exécutez le script : aucune adresse http(s) n'apparaît dans la sortie.",
    ]);
  }
  const run = await newestExecutionRun(tracking, runIds);
  if (!run) return failed("Votre dernière exécution n'a créé aucun run.", ["Démarrez un run avec await mlflow.startRun() et terminez-le avec mlflow.endRun()."]);
  if (run.info.status !== "FINISHED") {
    return failed("Le dernier run de votre exécution n'est pas terminé.", ["Exécutez le script jusqu'au bout (mlflow.endRun())."]);
  }
  return passed(`Bravo : votre script choisit son serveur avant tout, et le run ${run.info.runName} y est bien arrivé.`);
};
