/**
 * `npm run bloc -- <n> [--solution | --file <path>] [--workspace <id>]`
 *
 * Runs bloc n's starting code (or its solution, or a file of yours as the bloc's entry, or a
 * folder of yours holding the project's `.ts` files for a bloc with several) in Node
 * against a running Cuvée server, the way a WebContainer runs it (lib/runner/node), prints its
 * output as it happens and exits with 0 only when the script succeeded. The server is
 * `MLFLOW_TRACKING_URI` (default http://localhost:3000); its `default` workspace unless
 * `--workspace <id>` is given.
 */
import { parseArgs } from "node:util";
import { blocRunFiles, type BlocCodeChoice } from "@/lib/runner/node/bloc-files";
import { runInNode } from "@/lib/runner/node/run-in-node";
import type { RunnerError } from "@/lib/runner/types";

const USAGE = "Usage : npm run bloc -- <numéro> [--solution | --file <chemin>] [--workspace <id>]";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function describe(error: RunnerError): string {
  const where = error.location ? ` (dans ${error.location.file}, ligne ${error.location.line})` : "";
  const code = error.errorCode ? ` [${error.errorCode}]` : "";
  return `${error.name}${code} : ${error.message}${where}`;
}

/**
 * `--workspace <id>` and `--file <path>` as `--workspace=<id>`: a workspace id may start with
 * "-" (base64url), which parseArgs would otherwise take for an option.
 */
function attachOptionValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = args[i + 1];
    if ((arg === "--workspace" || arg === "--file") && value !== undefined) {
      joined.push(`${arg}=${value}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

let parsed;
try {
  parsed = parseArgs({
    args: attachOptionValues(process.argv.slice(2)),
    allowPositionals: true,
    options: { solution: { type: "boolean" }, file: { type: "string" }, workspace: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const bloc = Number(positionals[0]);
if (positionals.length !== 1 || !Number.isInteger(bloc) || bloc < 0) fail(USAGE);
if (values.solution && values.file) fail(`--solution et --file s'excluent.\n${USAGE}`);
if (values.workspace !== undefined && !/^[A-Za-z0-9_-]+$/.test(values.workspace)) fail(`Identifiant d'espace de travail invalide : ${values.workspace}`);

const choice: BlocCodeChoice = values.file ? { kind: "file", path: values.file } : values.solution ? { kind: "solution" } : { kind: "start" };
const server = (process.env.MLFLOW_TRACKING_URI?.trim() || "http://localhost:3000").replace(/\/+$/, "");
const trackingUri = values.workspace ? `${server}/w/${values.workspace}` : server;

let run;
try {
  run = await blocRunFiles(bloc, choice);
} catch (error) {
  fail((error as Error).message);
}

const label = choice.kind === "file" ? choice.path : choice.kind === "solution" ? "solution" : "code de départ";
process.stderr.write(`Bloc ${bloc} (${label}, ${run.entry}) → ${trackingUri}\n`);
const result = await runInNode({
  ...run,
  trackingUri,
  onEvent: (event) => {
    if (event.type === "console") (event.level === "error" || event.level === "warn" ? process.stderr : process.stdout).write(`${event.text}\n`);
    else if (event.type === "error") process.stderr.write(`${describe(event.error)}\n`);
  },
});
const verdicts = { succeeded: "terminée", failed: "échouée", "timed-out": "arrêtée (limite de temps)" } as const;
process.stderr.write(`Exécution ${verdicts[result.status]}.\n`);
process.exit(result.status === "succeeded" ? 0 : 1);
