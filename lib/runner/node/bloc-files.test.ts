import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBloc } from "@/lib/course/load";
import { blocRunFiles } from "./bloc-files";

// loadBloc reads and validates the whole course, which grows with every bloc written: seconds on a busy machine.
describe("blocRunFiles (the real content/blocs)", { timeout: 60_000 }, () => {
  it("gives bloc 1's start or solution with the course data and the bloc's time limit", async () => {
    const bloc = (await loadBloc(1))!;
    const start = await blocRunFiles(1, { kind: "start" });
    const solution = await blocRunFiles(1, { kind: "solution" });
    expect(start.entry).toBe(bloc.frontmatter.entry);
    expect(start.timeoutMs).toBe(bloc.frontmatter.timeLimitSeconds * 1000);
    expect(start.files[start.entry]).toBe(bloc.startFiles[start.entry]);
    expect(solution.files[solution.entry]).toBe(bloc.solutionFiles[solution.entry]);
    expect(solution.files["red-wine-quality.csv"]?.startsWith("fixed acidity,")).toBe(true);
  });

  it("runs a file of yours as the bloc's entry, and refuses a bloc that is not written", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cuvee-bloc-files-"));
    try {
      await writeFile(path.join(dir, "essai.ts"), "console.log(1);\n");
      const mine = await blocRunFiles(1, { kind: "file", path: path.join(dir, "essai.ts") });
      expect(mine.files[mine.entry]).toBe("console.log(1);\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(blocRunFiles(29, { kind: "solution" })).rejects.toThrow("Le bloc 29 n'est pas (encore) écrit");
  });

  it("runs a folder of yours as a project of several files, the entry among them", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cuvee-bloc-files-"));
    try {
      await writeFile(path.join(dir, "main.ts"), 'import { w } from "./wrapper";\nconsole.log(w);\n');
      await writeFile(path.join(dir, "wrapper.ts"), "export const w = 1;\n");
      await writeFile(path.join(dir, "notes.md"), "not code\n");
      const mine = await blocRunFiles(1, { kind: "file", path: dir });
      expect(mine.files["main.ts"]).toContain("./wrapper");
      expect(mine.files["wrapper.ts"]).toBe("export const w = 1;\n");
      expect(mine.files["notes.md"]).toBeUndefined();
      await rm(path.join(dir, "main.ts"));
      await expect(blocRunFiles(1, { kind: "file", path: dir })).rejects.toThrow("pas de fichier main.ts");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
