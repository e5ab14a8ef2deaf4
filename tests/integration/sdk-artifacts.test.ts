/**
 * Artifacts through the SDK, in Node, against the real server: log files, folders, text, dicts
 * and figures, list and download them, and the errors learners meet.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Figure } from "@/lib/plot";
import * as mlflow from "@/lib/tracking";
import { MlflowException } from "@/lib/tracking";
import { uniqueName } from "./helpers";
import { temporaryFolder, workspacePerFile } from "./sdk-support";

workspacePerFile();
const local = temporaryFolder();

afterAll(() => local.remove());

describe("logging artifacts", () => {
  it("logs a file, a folder, text, a dict, YAML and a figure, and lists them like MLflow", async () => {
    await mlflow.setExperiment(uniqueName("exp-artifacts"));
    const requirements = path.join(local.dir, "requirements.txt");
    writeFileSync(requirements, "cuvee==0.1.0\n");
    const samples = path.join(local.dir, "samples");
    mkdirSync(path.join(samples, "nested"), { recursive: true });
    writeFileSync(path.join(samples, "train.csv"), "a,b\n1,2\n");
    writeFileSync(path.join(samples, "test.csv"), "a,b\n3,4\n");
    writeFileSync(path.join(samples, "nested", "note.txt"), "imbriqué");

    const runId = await mlflow.startRun({}, async (run) => {
      await mlflow.logArtifact(requirements);
      await mlflow.logArtifacts(samples, "data");
      await mlflow.logText("Bonjour, cuvée !", "notes/hello.txt");
      await mlflow.logDict({ alpha: 0.5, l1_ratio: 0.5 }, "config.json");
      await mlflow.logDict({ alpha: 0.5 }, "config.yaml");
      await mlflow.logFigure(new Figure().scatter([1, 2, 3], [1, 2, 3]).title("Prédictions"), "plots/scatter_plot.svg");
      expect(await mlflow.getArtifactUri()).toBe(run.info.artifactUri);
      expect(await mlflow.getArtifactUri("plots/scatter_plot.svg")).toBe(`${run.info.artifactUri}/plots/scatter_plot.svg`);
      return run.info.runId;
    });

    const client = new mlflow.MlflowClient();
    const root = await client.listArtifacts(runId);
    expect(root.map((file) => [file.path, file.isDir]).sort()).toEqual([
      ["config.json", false],
      ["config.yaml", false],
      ["data", true],
      ["notes", true],
      ["plots", true],
      ["requirements.txt", false],
    ]);
    expect(root.find((file) => file.path === "requirements.txt")?.fileSize).toBe(13);
    const data = await client.listArtifacts(runId, "data");
    expect(data.map((file) => file.path).sort()).toEqual(["data/nested", "data/test.csv", "data/train.csv"]);

    const downloaded = await client.downloadArtifacts(runId, "", path.join(local.dir, "download"));
    expect(readFileSync(path.join(downloaded, "data", "nested", "note.txt"), "utf8")).toBe("imbriqué");
    expect(readFileSync(path.join(downloaded, "notes", "hello.txt"), "utf8")).toBe("Bonjour, cuvée !");
    expect(JSON.parse(readFileSync(path.join(downloaded, "config.json"), "utf8"))).toEqual({ alpha: 0.5, l1_ratio: 0.5 });
    expect(readFileSync(path.join(downloaded, "config.yaml"), "utf8")).toBe("alpha: 0.5\n");
    expect(readFileSync(path.join(downloaded, "plots", "scatter_plot.svg"), "utf8")).toContain("<title>Prédictions</title>");

    const oneFile = await client.downloadArtifacts(runId, "data/train.csv", path.join(local.dir, "one"));
    expect(oneFile).toBe(path.join(local.dir, "one", "data", "train.csv"));
    expect(readFileSync(oneFile, "utf8")).toBe("a,b\n1,2\n");
    const intoTemp = await client.downloadArtifacts(runId, "notes");
    expect(readFileSync(path.join(intoTemp, "hello.txt"), "utf8")).toBe("Bonjour, cuvée !");
  });

  it("logs into the active run started by itself, as MLflow does", async () => {
    await mlflow.setExperiment(uniqueName("exp-artifacts"));
    await mlflow.logText("x", "auto.txt");
    const run = mlflow.activeRun();
    expect(run).toBeDefined();
    await mlflow.endRun();
    const files = await new mlflow.MlflowClient().listArtifacts(run!.info.runId);
    expect(files.map((file) => file.path)).toEqual(["auto.txt"]);
  });

  it("refuses paths that escape the run, a missing local file and a non-SVG figure, in French", async () => {
    await mlflow.setExperiment(uniqueName("exp-artifacts"));
    await mlflow.startRun();
    const escape = await mlflow.logText("x", "../evil.txt").catch((error: unknown) => error);
    expect(escape).toBeInstanceOf(MlflowException);
    expect((escape as MlflowException).errorCode).toBe("INVALID_PARAMETER_VALUE");
    expect((escape as Error).message).toMatch(/^Chemin d'artefact invalide/);
    const missing = await mlflow.logArtifact(path.join(local.dir, "absent.txt")).catch((error: unknown) => error);
    expect((missing as { code?: string }).code).toBe("ENOENT");
    await expect(mlflow.logFigure(new Figure(), "plot.png")).rejects.toThrow(/en SVG/);
    await mlflow.endRun();
  });
});
