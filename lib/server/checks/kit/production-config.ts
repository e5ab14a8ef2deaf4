import { z } from "zod";

/**
 * Bloc 11's notion: the configuration of a production MLflow tracking server (`mlflow server`),
 * checked against what a production deployment of the platform supports: a PostgreSQL backend
 * store (Cuvée's `DATABASE_URL` accepts `postgresql://`), an S3 artifact store, artifacts
 * proxied by the server, and a server reachable from other machines.
 */

/** The learner's configuration object: the options of `mlflow server`, in camelCase. */
export const productionConfigSchema = z
  .object({
    backendStoreUri: z.string().describe("`--backend-store-uri`: where runs, params and metrics are stored (a SQLAlchemy URI)."),
    artifactsDestination: z.string().describe("`--artifacts-destination`: where the server stores artifacts (s3://bucket/prefix)."),
    serveArtifacts: z.boolean().describe("`--serve-artifacts`: clients send artifacts through the server, which alone holds the S3 credentials."),
    host: z.string().describe("`--host`: the address the server listens on."),
    port: z.number().int().min(1).max(65535).describe("`--port`."),
    s3EndpointUrl: z.string().optional().describe("`MLFLOW_S3_ENDPOINT_URL`: an S3-compatible service (MinIO…) instead of AWS."),
  })
  .strict();

export type ProductionConfig = z.infer<typeof productionConfigSchema>;

const POSTGRES_SCHEMES = new Set(["postgresql:", "postgres:", "postgresql+psycopg2:"]);
/** AWS's bucket naming rules, in short: 3 to 63 lowercase letters, digits, dots and hyphens. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function backendStoreProblems(uri: string): string[] {
  const url = parseUrl(uri);
  const scheme = url?.protocol ?? "";
  if (scheme === "sqlite:" || uri.startsWith("sqlite:")) {
    return ["backendStoreUri : SQLite convient à un poste seul, mais un serveur partagé reçoit des écritures simultanées de toute l'équipe : utilisez PostgreSQL (postgresql://utilisateur@hôte:5432/base)."];
  }
  if (!url || scheme === "file:") {
    return ["backendStoreUri : un dossier local (file:/…) ne se partage pas entre serveurs et ne se sauvegarde pas comme une base : utilisez PostgreSQL (postgresql://utilisateur@hôte:5432/base)."];
  }
  if (!POSTGRES_SCHEMES.has(scheme)) {
    return [`backendStoreUri : MLflow accepte aussi ${scheme.replace(/:$/, "")}, mais la plateforme ne prend en charge que PostgreSQL (postgresql://…).`];
  }
  const problems: string[] = [];
  if (url.hostname === "") problems.push("backendStoreUri : il manque l'hôte de la base (postgresql://utilisateur@hôte:5432/base).");
  if (url.pathname.replace(/^\/+/, "") === "") problems.push("backendStoreUri : il manque le nom de la base, après le dernier « / ».");
  if (url.password !== "") {
    problems.push("backendStoreUri : le mot de passe est écrit en clair. Retirez-le de l'URI et donnez-le au serveur par la variable d'environnement PGPASSWORD.");
  }
  return problems;
}

function artifactStoreProblems(destination: string, s3EndpointUrl: string | undefined): string[] {
  const url = parseUrl(destination);
  if (!url || url.protocol === "file:") {
    return ["artifactsDestination : un dossier local resterait sur le disque d'un seul serveur, sans réplication : utilisez un compartiment S3 (s3://compartiment/dossier)."];
  }
  if (url.protocol !== "s3:") {
    return [`artifactsDestination : MLflow accepte aussi ${url.protocol.replace(/:$/, "")}, mais la plateforme ne prend en charge que S3 (s3://compartiment/dossier).`];
  }
  const problems: string[] = [];
  if (!BUCKET_NAME.test(url.hostname)) {
    problems.push(`artifactsDestination : « ${url.hostname} » n'est pas un nom de compartiment S3 valide (3 à 63 caractères : minuscules, chiffres, points et tirets).`);
  }
  if (s3EndpointUrl !== undefined) {
    const endpoint = parseUrl(s3EndpointUrl);
    if (!endpoint || !/^https?:$/.test(endpoint.protocol)) problems.push("s3EndpointUrl : attendu une adresse http(s)://, par exemple celle d'un serveur MinIO.");
  }
  return problems;
}

/** What keeps the configuration from a production deployment, one French sentence each ([] when ready). */
export function productionConfigProblems(value: unknown): string[] {
  const parsed = productionConfigSchema.safeParse(value);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const key = issue.path.join(".") || "(racine)";
      if (issue.code === "unrecognized_keys") return `Clé(s) inconnue(s) : ${issue.keys.join(", ")}. Clés attendues : ${Object.keys(productionConfigSchema.shape).join(", ")}.`;
      const given = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[String(issue.path[0])] : undefined;
      if (issue.code === "invalid_type" && given === undefined) return `${key} : valeur manquante.`;
      return `${key} : valeur invalide (${issue.message}).`;
    });
  }
  const config = parsed.data;
  return [
    ...backendStoreProblems(config.backendStoreUri),
    ...artifactStoreProblems(config.artifactsDestination, config.s3EndpointUrl),
    ...(config.serveArtifacts
      ? []
      : ["serveArtifacts : sans --serve-artifacts, chaque client devrait détenir ses propres identifiants S3 ; avec, seul le serveur y accède."]),
    ...(LOCAL_HOSTS.has(config.host)
      ? [`host : « ${config.host} » n'accepte que les connexions de la machine elle-même ; un serveur d'équipe écoute sur 0.0.0.0 (derrière un proxy HTTPS).`]
      : []),
  ];
}

/** The last line of the output that is a JSON object, parsed; undefined when none. */
export function lastPrintedJsonObject(output: string): Record<string, unknown> | undefined {
  const lines = output.split("\n").map((line) => line.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.startsWith("{")) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Not JSON: keep looking upwards.
    }
  }
  return undefined;
}
