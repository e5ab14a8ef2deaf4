import { beforeAll, describe, expect, it } from "vitest";
import { blocRunFiles } from "@/lib/runner/node/bloc-files";
import { runInNode } from "@/lib/runner/node/run-in-node";
import { runBlocCli } from "../run-bloc-cli";
import { baseUrl, createTestWorkspace, mlflowApi } from "./helpers";

async function onlyRun(workspaceId: string) {
  const api = mlflowApi(workspaceId);
  const experiment = await api.get("experiments/get-by-name", { experiment_name: "exp_wine_quality" });
  expect(experiment.status).toBe(200);
  const search = await api.post("runs/search", { experiment_ids: [experiment.json.experiment.experiment_id] });
  expect(search.json.runs).toHaveLength(1);
  return search.json.runs[0];
}

describe("the Node runner against the real server", () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = await createTestWorkspace();
  });

  it("runs bloc 1's solution: output, then a finished run with its param, metric and system tags", async () => {
    const bloc = await blocRunFiles(1, { kind: "solution" });
    const result = await runInNode({ ...bloc, trackingUri: `${baseUrl()}/w/${workspaceId}` });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe("succeeded");
    expect(result.output).toContain("400 vins dans le jeu de test");

    const run = await onlyRun(workspaceId);
    expect(run.info.status).toBe("FINISHED");
    // The runner reports the runs the script created (the bloc's check judges exactly those).
    expect(result.runIds).toEqual([run.info.run_id]);
    expect(run.data.params).toEqual([{ key: "alpha", value: "0.5" }]);
    expect(run.data.metrics).toHaveLength(1);
    expect(run.data.metrics[0].key).toBe("rmse");
    expect(run.data.metrics[0].value).toBeCloseTo(0.7436, 4);
    const tags = Object.fromEntries(run.data.tags.map((tag: { key: string; value: string }) => [tag.key, tag.value]));
    expect(tags["mlflow.user"]).toBe("apprenant");
    expect(tags["mlflow.source.name"]).toBe("main.ts");
  });

  it("`npm run bloc -- 1 --solution --workspace <id>` prints the output and exits 0", async () => {
    const other = await createTestWorkspace();
    const { code, stdout, stderr } = await runBlocCli(baseUrl(), ["1", "--solution", "--workspace", other]);
    expect(stderr).toContain("Exécution terminé");
    expect(code).toBe(0);
    expect(stdout).toContain("400 vins dans le jeu de test");
    expect((await onlyRun(other)).info.status).toBe("FINISHED");
  });

  it("reports once, and fails the script, when a call nobody awaited is refused", async () => {
    const other = await createTestWorkspace();
    const result = await runInNode({
      files: {
        "main.ts":
          'import * as mlflow from "mlflow";\nawait mlflow.setExperiment("exp_wine_quality");\nawait mlflow.startRun();\n' +
          'void mlflow.logParam("alpha", 1);\nvoid mlflow.logParam("alpha", 2);\nawait mlflow.endRun();\nconsole.log("fin");\n',
      },
      entry: "main.ts",
      trackingUri: `${baseUrl()}/w/${other}`,
      timeoutMs: 20_000,
    });
    expect(result.output).toBe("fin");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
    expect(result.errors[0]!.message).toContain("alpha");
    // At the call that was refused, though its failure came from the SDK's request.
    expect(result.errors[0]!.location).toMatchObject({ file: "main.ts", line: 5 });
    expect(result.status).toBe("failed");
    const run = await onlyRun(other);
    expect(run.data.params).toEqual([{ key: "alpha", value: "1" }]);
  });

  it("takes a workspace id that starts with a dash (base64url ids can)", async () => {
    const dashed = await createTestWorkspace(`-${Math.random().toString(36).slice(2, 12)}`);
    const { code, stderr } = await runBlocCli(baseUrl(), ["1", "--solution", "--workspace", dashed]);
    expect(stderr).toContain("Exécution terminé");
    expect(code).toBe(0);
    expect((await onlyRun(dashed)).info.status).toBe("FINISHED");
  });

  it("exits 1 with the learner's file and line when the code fails, and marks the run FAILED", async () => {
    const other = await createTestWorkspace();
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(`${tmpdir()}/cuvee-cli-`);
    await writeFile(
      `${dir}/main.ts`,
      'import * as mlflow from "mlflow";\nawait mlflow.setExperiment("exp_wine_quality");\nawait mlflow.startRun();\nthrow new Error("raté");\n',
    );
    const { code, stderr } = await runBlocCli(baseUrl(), ["1", "--file", `${dir}/main.ts`, "--workspace", other]);
    expect(code).toBe(1);
    expect(stderr).toContain("Error : raté (dans main.ts, ligne 4)");
    expect((await onlyRun(other)).info.status).toBe("FAILED");
  });

  describe("runs the script left open end as MLflow ends them", () => {
    /** The status of each run of the workspace and whether it has an end time, by status (two runs may start in the same millisecond). */
    async function runStatuses(id: string) {
      const api = mlflowApi(id);
      const search = await api.post("runs/search", { experiment_ids: ["0"], order_by: ["attributes.start_time ASC"] });
      return (search.json.runs ?? []).map((run: { info: { status: string; end_time?: number } }) => ({ status: run.info.status, ended: run.info.end_time !== undefined })).sort((a: { status: string }, b: { status: string }) => a.status.localeCompare(b.status));
    }
    const run = (id: string, code: string, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
      runInNode({ files: { "main.ts": `import * as mlflow from "mlflow";\n${code}` }, entry: "main.ts", trackingUri: `${baseUrl()}/w/${id}`, timeoutMs: 20_000, ...extra });

    it("KILLED when the time limit kills the script", async () => {
      const id = await createTestWorkspace();
      const result = await run(id, "await mlflow.startRun();\nwhile (true) {}\n", { timeoutMs: 5_000 });
      expect(result.status).toBe("timed-out");
      expect(result.runIds).toHaveLength(1);
      expect(await runStatuses(id)).toEqual([{ status: "KILLED", ended: true }]);
    });

    it("KILLED when the script is stopped", async () => {
      const id = await createTestWorkspace();
      const controller = new AbortController();
      const result = await runInNode({
        files: { "main.ts": 'import * as mlflow from "mlflow";\nawait mlflow.startRun();\nconsole.log("ouvert");\nwhile (true) {}\n' },
        entry: "main.ts",
        trackingUri: `${baseUrl()}/w/${id}`,
        timeoutMs: 30_000,
        signal: controller.signal,
        onEvent: (event) => event.type === "console" && controller.abort(),
      });
      expect(result.errors.at(-1)?.name).toBe("AbortError");
      expect(await runStatuses(id)).toEqual([{ status: "KILLED", ended: true }]);
    });

    it("FAILED when the script throws, the fluent run and one opened with MlflowClient.createRun alike", async () => {
      const id = await createTestWorkspace();
      const result = await run(id, 'await new mlflow.MlflowClient().createRun("0");\nawait mlflow.startRun();\nthrow new Error("raté");\n');
      expect(result.status).toBe("failed");
      expect(await runStatuses(id)).toEqual([
        { status: "FAILED", ended: true },
        { status: "FAILED", ended: true },
      ]);
    });

    it("as the script left them when it succeeded (a client's run stays RUNNING, as in MLflow)", async () => {
      const id = await createTestWorkspace();
      const result = await run(id, 'await new mlflow.MlflowClient().createRun("0");\nawait mlflow.startRun();\n');
      expect(result.status).toBe("succeeded");
      expect(await runStatuses(id)).toEqual([
        { status: "FINISHED", ended: true },
        { status: "RUNNING", ended: false },
      ]);
    });
  });

  it("refuses bad arguments with the usage line", async () => {
    const { code, stderr } = await runBlocCli(baseUrl(), ["un"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage : npm run bloc");
  });
});
