/**
 * `npm run blocs:check`: every written bloc, in a fresh workspace of a real server, after the
 * earlier blocs' solutions have run — its starting code must fail its check, its solution must
 * pass it. Code runs with the Node runner, the code path a WebContainer uses.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadAllBlocs, type Bloc } from "@/lib/course/load";
import { runInNode } from "@/lib/runner/node/run-in-node";
import { baseUrl } from "../integration/helpers";

const DATA = { "red-wine-quality.csv": readFileSync("public/data/red-wine-quality.csv", "utf8") };
const blocs = await loadAllBlocs();

async function newWorkspace(): Promise<{ cookie: string; trackingUri: string }> {
  const response = await fetch(`${baseUrl()}/api/cuvee/session?next=/cours`, { redirect: "manual" });
  const id = /cuvee_ws=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!id) throw new Error("the session route did not create a workspace");
  return { cookie: `cuvee_ws=${id}`, trackingUri: `${baseUrl()}/w/${id}` };
}

async function run(bloc: Bloc, files: Record<string, string>, trackingUri: string) {
  const result = await runInNode({
    files: { ...DATA, ...files },
    entry: bloc.frontmatter.entry,
    trackingUri,
    timeoutMs: bloc.frontmatter.timeLimitSeconds * 1000,
  });
  return { ...result, code: files };
}

async function check(bloc: Bloc, cookie: string, evidence: { output: string; code: Record<string, string>; runIds?: string[] }) {
  const response = await fetch(`${baseUrl()}/api/cuvee/blocs/${bloc.frontmatter.bloc}/check`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify(evidence),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { passed: boolean; message: string; details?: string[] };
}

describe("every bloc: the start fails its check, the solution passes it", () => {
  it.each(blocs.map((bloc) => [bloc.frontmatter.bloc, bloc.frontmatter.title, bloc] as const))(
    "bloc %i : %s",
    async (_number, _title, bloc) => {
      const { cookie, trackingUri } = await newWorkspace();
      for (const earlier of blocs.filter((other) => other.frontmatter.bloc < bloc.frontmatter.bloc)) {
        const prepared = await run(earlier, earlier.solutionFiles, trackingUri);
        expect(prepared.errors, `solution of bloc ${earlier.frontmatter.bloc} while preparing`).toEqual([]);
        expect(prepared.status).toBe("succeeded");
      }

      const start = await run(bloc, bloc.startFiles, trackingUri);
      const onStart = await check(bloc, cookie, start);
      expect(onStart.passed, `the check passed on the starting code: ${onStart.message}`).toBe(false);

      const solution = await run(bloc, bloc.solutionFiles, trackingUri);
      expect(solution.errors, "errors while running the solution").toEqual([]);
      expect(solution.status).toBe("succeeded");
      const onSolution = await check(bloc, cookie, solution);
      expect(onSolution, "the check failed on the solution").toMatchObject({ passed: true });
    },
  );
});
