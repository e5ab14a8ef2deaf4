/**
 * What a Node-hosted run's child process is given: the variables it needs (not the parent's
 * whole environment, which holds `DATABASE_URL` and any secret of the machine), and a heap
 * limit whose crossing is reported in French rather than as V8's fatal-error dump.
 * See docs/decisions/010-what-learner-code-can-reach.md.
 */

/**
 * Variables passed from the parent, when set. Everything the bootstrap, the SDK and the kit read
 * (`MLFLOW_TRACKING_URI` is set by the runner; `MLFLOW_EXPERIMENT_ID` and `USER`/`USERNAME`
 * by the SDK's fluent API and its run tags; `TMPDIR`/`TEMP`/`TMP` by local artifacts), plus what
 * Node itself and the operating system need to run a process (PATH, HOME, locale, time zone,
 * Windows' SYSTEMROOT, a company CA for an HTTPS tracking server).
 */
export const CHILD_ENV_ALLOWLIST = [
  "PATH",
  "HOME",
  "USER",
  "USERNAME",
  "LANG",
  "LC_ALL",
  "TZ",
  "TMPDIR",
  "TEMP",
  "TMP",
  "NODE_ENV",
  "NODE_EXTRA_CA_CERTS",
  "SYSTEMROOT",
  "MLFLOW_EXPERIMENT_ID",
] as const;

/** A plain record, not `NodeJS.ProcessEnv` (whose NODE_ENV is required and read-only in Next's types). */
type Environment = Record<string, string | undefined>;

export function childEnvironment(parent: Environment, trackingUri: string): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const name of CHILD_ENV_ALLOWLIST) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  env.MLFLOW_TRACKING_URI = trackingUri;
  // NODE_ENV is only passed when set, whatever Next's typing of process.env says.
  return env as NodeJS.ProcessEnv;
}

/** Documented in README.md's Configuration table. */
export const DEFAULT_MAX_HEAP_MB = 512;
export const MAX_HEAP_VARIABLE = "CUVEE_RUN_MAX_HEAP_MB";

/** The configured heap limit: `CUVEE_RUN_MAX_HEAP_MB` when it is a positive integer, else the default. */
export function configuredMaxHeapMb(parent: Environment): number {
  const raw = parent[MAX_HEAP_VARIABLE]?.trim();
  if (!raw) return DEFAULT_MAX_HEAP_MB;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${MAX_HEAP_VARIABLE} doit être un nombre entier de mégaoctets (reçu : ${raw}).`);
  }
  return value;
}

/** Node's flags for a child whose JavaScript heap may not grow past `maxHeapMb`. */
export function heapLimitArgs(maxHeapMb: number): string[] {
  return [`--max-old-space-size=${maxHeapMb}`];
}

/**
 * Whether the child died of heap exhaustion. V8 writes "FATAL ERROR: … JavaScript heap out of
 * memory" (or "Reached heap limit") on stderr, then aborts: SIGABRT, or exit code 134 when a
 * shell relays it. The text is the reliable sign; the signal alone could be something else.
 */
export function diedOfHeapExhaustion(stderr: string): boolean {
  return /Reached heap limit|JavaScript heap out of memory|FATAL ERROR: .*Allocation failed/.test(stderr);
}

export function heapExhaustedMessage(maxHeapMb: number): string {
  return (
    `Votre script a utilisé trop de mémoire (plus de ${maxHeapMb} Mo) et a été arrêté. ` +
    "Cherchez une boucle qui remplit un tableau ou une chaîne sans fin, ou travaillez sur moins de données à la fois."
  );
}
