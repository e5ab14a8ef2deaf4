/**
 * Publishes the SDK and kit as the local packages a WebContainer mounts
 * (`public/generated/runtime-packages.json`, a path → text map): the very files the Node runner
 * writes to disk (lib/runner/node/runtime-packages.ts). Run before `next build` and `next dev`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runtimePackages } from "@/lib/runner/node/runtime-packages";

const packages = await runtimePackages();
const target = path.join(process.cwd(), "public", "generated", "runtime-packages.json");
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(packages));
const bytes = Object.values(packages).reduce((sum, text) => sum + text.length, 0);
console.log(`runtime packages: ${Object.keys(packages).length} files, ${Math.round(bytes / 1024)} kB → public/generated/runtime-packages.json`);
