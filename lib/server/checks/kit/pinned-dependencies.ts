import { CUVEE_VERSION } from "@/lib/tracking/version";

/**
 * Bloc 2's notion, the TypeScript side of `requirements.txt`: a `package.json` whose
 * dependencies name one exact version each (`"0.1.0"`, not `"^0.1.0"`, `"~0.1"`, `"*"` or
 * `"latest"`), the versions the platform actually provides.
 */

/**
 * The packages learner code imports and the version Cuvée provides them at: `mlflow` (the SDK)
 * and `cuvee` (the data/ML kit) ship with the platform, so both carry the SDK's version (the
 * one it writes into model environments too).
 */
export const PLATFORM_PACKAGES: Readonly<Record<string, string>> = {
  cuvee: CUVEE_VERSION,
  mlflow: CUVEE_VERSION,
};

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * What is wrong with a manifest, one French sentence each ([] when every imported package is
 * pinned to the version the platform provides).
 */
export function pinningProblems(manifestText: string, importedPackages: readonly string[]): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return ["Le fichier package.json enregistré n'est pas du JSON valide."];
  }
  const dependencies = (manifest as { dependencies?: unknown } | null)?.dependencies;
  if (typeof dependencies !== "object" || dependencies === null || Array.isArray(dependencies)) {
    return ["Le package.json enregistré n'a pas d'objet « dependencies »."];
  }
  const declared = dependencies as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of importedPackages) {
    const version = declared[name];
    const provided = PLATFORM_PACKAGES[name];
    if (version === undefined) {
      problems.push(`Votre code importe « ${name} », absent des dépendances.`);
    } else if (typeof version !== "string" || !EXACT_VERSION.test(version)) {
      problems.push(`La version de « ${name} » (${JSON.stringify(version)}) n'est pas exacte : écrivez un numéro complet, sans ^, ~, * ni « latest ».`);
    } else if (provided !== undefined && version !== provided) {
      problems.push(`« ${name} » est épinglé en ${version}, mais la plateforme fournit la version ${provided}.`);
    }
  }
  return problems;
}
