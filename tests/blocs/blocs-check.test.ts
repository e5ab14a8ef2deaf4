/**
 * `npm run blocs:check`: the whole course in ONE workspace of a real server, as a learner would
 * take it. For each written bloc in order: its starting code runs and must fail its check, then
 * its solution runs and must pass it; the next bloc starts from the state that leaves (every
 * earlier bloc's start and solution ran before it). Two runs per bloc: the count is printed.
 * Code runs with the Node runner, the code path a WebContainer uses.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckRequestBody, Verdict } from "@/lib/course/check-contract";
import type { CodeFiles } from "@/lib/course/code-files";
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

let runs = 0;

async function run(bloc: Bloc, files: CodeFiles, trackingUri: string) {
  runs++;
  const result = await runInNode({
    files: { ...DATA, ...files },
    entry: bloc.frontmatter.entry,
    trackingUri,
    timeoutMs: bloc.frontmatter.timeLimitSeconds * 1000,
  });
  // The evidence the lesson page sends: what ran, how it ended (and its first error), its runs.
  const evidence: CheckRequestBody = {
    output: result.output,
    code: files,
    runIds: result.runIds,
    execution: { status: result.status, timeoutMs: result.status === "timed-out" ? bloc.frontmatter.timeLimitSeconds * 1000 : undefined, error: result.errors[0] },
  };
  return { ...result, evidence };
}

async function check(bloc: Bloc, cookie: string, evidence: CheckRequestBody): Promise<Verdict> {
  const response = await fetch(`${baseUrl()}/api/cuvee/blocs/${bloc.frontmatter.bloc}/check`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify(evidence),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Verdict;
}

describe("the course in one workspace: each bloc's start fails its check, its solution passes it", () => {
  let workspace: { cookie: string; trackingUri: string };
  /** The first bloc that failed: the blocs after it would start from a state it did not leave. */
  let broken: number | undefined;

  beforeAll(async () => {
    workspace = await newWorkspace();
  });

  afterAll(() => {
    console.log(`blocs:check: ${blocs.length} blocs, ${runs} runs`);
  });

  for (const bloc of blocs) {
    const number = bloc.frontmatter.bloc;
    it(`bloc ${number} : ${bloc.frontmatter.title}`, async (context) => {
      if (broken !== undefined) context.skip(`bloc ${broken} failed: its state is missing`);
      broken = number;
      const { cookie, trackingUri } = workspace;

      const start = await run(bloc, bloc.startFiles, trackingUri);
      const onStart = await check(bloc, cookie, start.evidence);
      expect(onStart.passed, `the check passed on the starting code: ${onStart.message}`).toBe(false);

      const solution = await run(bloc, bloc.solutionFiles, trackingUri);
      expect(solution.errors, "errors while running the solution").toEqual([]);
      expect(solution.status).toBe("succeeded");
      const onSolution = await check(bloc, cookie, solution.evidence);
      expect(onSolution, "the check failed on the solution").toMatchObject({ passed: true });
      broken = undefined;
    });
  }
});
