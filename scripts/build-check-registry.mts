/**
 * Writes lib/server/checks/registry.generated.ts from the folders of content/blocs/ (one static
 * import per bloc's check.ts); see lib/server/checks/registry-source.ts. Runs before `dev` and
 * `build`. With `--check`, writes nothing and exits 1 when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkFolders, REGISTRY_FILE, renderCheckRegistry } from "../lib/server/checks/registry-source";

const expected = renderCheckRegistry(await checkFolders());
let current: string | undefined;
try {
  current = readFileSync(REGISTRY_FILE, "utf8");
} catch {
  current = undefined;
}
const where = path.relative(process.cwd(), REGISTRY_FILE);
if (current === expected) {
  console.log(`checks: ${where} is up to date`);
} else if (process.argv.includes("--check")) {
  console.error(`checks: ${where} is out of date: run \`npm run checks:registry\``);
  process.exit(1);
} else {
  writeFileSync(REGISTRY_FILE, expected);
  console.log(`checks: wrote ${where}`);
}
