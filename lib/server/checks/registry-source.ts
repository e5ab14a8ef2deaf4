import { stat } from "node:fs/promises";
import path from "node:path";
import { BLOCS_DIR, listBlocFolders, type CourseSource } from "@/lib/course/load";

/**
 * The registry of checks (`registry.generated.ts`) is derived from the course's folders, never
 * kept by hand: one static import of `content/blocs/NN-slug/check.ts` per bloc folder that holds
 * one (static, so that Next's bundler includes every check). `scripts/build-check-registry.mts`
 * writes it (before `dev` and `build`); `registry.test.ts` fails when the committed file differs
 * from what the folders give, or when a written bloc has no check.
 */

export const REGISTRY_FILE = path.join(process.cwd(), "lib", "server", "checks", "registry.generated.ts");

const COURSE: CourseSource = { dir: BLOCS_DIR };

async function isFile(target: string): Promise<boolean> {
  return stat(target).then(
    (found) => found.isFile(),
    () => false,
  );
}

/** Folder names of the blocs that have a `check.ts`, by bloc number, in order. */
export async function checkFolders(source: CourseSource = COURSE): Promise<Map<number, string>> {
  const withCheck = new Map<number, string>();
  const folders = [...(await listBlocFolders(source)).entries()].sort(([a], [b]) => a - b);
  for (const [bloc, folder] of folders) {
    if (await isFile(path.join(source.dir, folder, "check.ts"))) withCheck.set(bloc, folder);
  }
  return withCheck;
}

/** The text of `registry.generated.ts` for these folders. */
export function renderCheckRegistry(folders: ReadonlyMap<number, string>): string {
  const entries = [...folders.entries()].sort(([a], [b]) => a - b);
  return [
    "// Generated from the folders of content/blocs/ by scripts/build-check-registry.mts (run before",
    "// `dev` and `build`, or `npm run checks:registry`): do not edit. registry.test.ts fails when it",
    "// differs from the folders.",
    ...entries.map(([bloc, folder]) => `import { check as bloc${bloc} } from "@/content/blocs/${folder}/check";`),
    'import type { BlocCheck } from "./kit/check";',
    "",
    "/** Each written bloc's check, by number. Static imports, so that the bundler sees every check. */",
    "export const CHECKS: Readonly<Record<number, BlocCheck>> = {",
    ...entries.map(([bloc]) => `  ${bloc}: bloc${bloc},`),
    "};",
    "",
  ].join("\n");
}
