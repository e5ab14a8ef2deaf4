import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { SANDBOX_WORKER_URL } from "../sandbox-frame-protocol";

/**
 * Builds the browser sandbox worker (`lib/runner/sandbox.worker.ts`: the SDK, the kit, sucrase,
 * the run loop) as one self-contained classic script, published at `SANDBOX_WORKER_URL` by
 * `scripts/build-runtime-packages.mts`.
 *
 * Why not the bundler's own worker: learner code runs on an opaque origin (a sandboxed frame,
 * docs/decisions/010), which may start a worker only from a `blob:` URL it made itself. The
 * bundler's worker is an `http:` entry that loads its chunks by relative URLs, which resolve
 * against neither an opaque origin nor a `blob:` URL. One file with no imports loads anywhere.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BROWSER_FS = "./lib/runner/browser-fs.ts";

export async function buildSandboxWorker(): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["./lib/runner/sandbox.worker.ts"],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
    legalComments: "none",
    // As in next.config.mjs: in the browser, `node:fs/promises` is the run's in-memory files.
    alias: { "node:fs/promises": BROWSER_FS, "fs/promises": BROWSER_FS },
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no ${SANDBOX_WORKER_URL}`);
  return output.text;
}
