/**
 * Publishes the SDK and kit as the local packages a WebContainer mounts
 * (`public/generated/runtime-packages.json`, a path → text map): the very files the Node runner
 * writes to disk (lib/runner/node/runtime-packages.ts). Also the browser sandbox's worker as one
 * script (`public/generated/sandbox-worker.js`, lib/runner/node/sandbox-bundle.ts), which the
 * sandbox frame starts from a `blob:` URL. Run before `next build` and `next dev`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runtimePackages } from "@/lib/runner/node/runtime-packages";
import { buildSandboxWorker } from "@/lib/runner/node/sandbox-bundle";
import { SANDBOX_WORKER_URL } from "@/lib/runner/sandbox-frame-protocol";

const packages = await runtimePackages();
const target = path.join(process.cwd(), "public", "generated", "runtime-packages.json");
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(packages));
const bytes = Object.values(packages).reduce((sum, text) => sum + text.length, 0);
console.log(`runtime packages: ${Object.keys(packages).length} files, ${Math.round(bytes / 1024)} kB → public/generated/runtime-packages.json`);

const sandboxWorker = await buildSandboxWorker();
const sandboxTarget = path.join(process.cwd(), "public", ...SANDBOX_WORKER_URL.split("/").filter(Boolean));
writeFileSync(sandboxTarget, sandboxWorker);
console.log(`sandbox worker: ${Math.round(sandboxWorker.length / 1024)} kB → public${SANDBOX_WORKER_URL}`);
