import type { CodeFiles } from "./types";

/**
 * The project a Node-hosted run executes, as a flat map of files: the learner's files (code and
 * data) at the root, the SDK and the kit as local packages in `node_modules/` (`mlflow`,
 * `cuvee`: no npm install), and the run's request. The Node runner writes this map into a
 * working directory; the WebContainer runner mounts the very same map. Browser-safe: no Node
 * imports here.
 */

/** Written by `scripts/build-runtime-packages.mts`, fetched by the WebContainer runner. */
export const RUNTIME_PACKAGES_URL = "/generated/runtime-packages.json";

/** The bootstrap inside the `cuvee` package: reads the request, runs the script, prints events. */
export const BOOTSTRAP_PATH = "node_modules/cuvee/dist/run.js";

/** Where the bootstrap finds what to run. */
export const RUN_REQUEST_PATH = ".cuvee/run.json";

/** Files the module system may load as code (the others, like CSV, stay data only). */
const CODE_FILE = /\.(?:ts|tsx|mts|js|mjs|json)$/;

export interface NodeRunRequest {
  entry: string;
  trackingUri: string;
  /** The learner's code files, relative to the project root. */
  codeFiles: string[];
}

export function nodeProjectFiles(files: CodeFiles, entry: string, trackingUri: string, packages: CodeFiles): CodeFiles {
  const request: NodeRunRequest = { entry, trackingUri, codeFiles: Object.keys(files).filter((path) => CODE_FILE.test(path)) };
  for (const path of Object.keys(files)) {
    if (path.startsWith("node_modules/") || path.startsWith(".cuvee/") || path.startsWith("/") || path.split("/").includes("..")) {
      throw new Error(`Nom de fichier réservé ou invalide : ${path}`);
    }
  }
  return { ...packages, ...files, [RUN_REQUEST_PATH]: JSON.stringify(request) };
}

/** The command that runs a project laid out by `nodeProjectFiles`, from its root. */
export const NODE_COMMAND = { command: "node", args: [BOOTSTRAP_PATH] } as const;
