import { type BlocCheck, failed, lastPrintedJsonObject, passed, productionConfigProblems } from "@/lib/server/checks/kit";

/** Bloc 11: the configuration the script printed is one a production deployment supports (PostgreSQL, S3, proxied artifacts, reachable host). */
export const check: BlocCheck = async ({ output }) => {
  const config = lastPrintedJsonObject(output);
  if (!config) {
    return failed("La sortie de votre dernière exécution ne contient pas la configuration.", [
      "Exécutez le script : sa dernière ligne affiche console.log(JSON.stringify(serverConfig)).",
    ]);
  }
  const problems = productionConfigProblems(config);
  if (problems.length > 0) {
    return failed(`Cette configuration n'est pas prête pour la production (${problems.length} point${problems.length > 1 ? "s" : ""} à corriger).`, problems);
  }
  return passed(`Bravo : PostgreSQL pour les runs, S3 pour les artefacts servis par le serveur, écoute sur ${String(config.host)}:${String(config.port)}. Cette configuration est prête pour la production.`);
};
