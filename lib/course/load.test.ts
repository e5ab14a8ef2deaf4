import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog";
import { loadAllBlocs } from "./load";

describe("the course content", () => {
  it("loads every written bloc without authoring errors", async () => {
    const blocs = await loadAllBlocs();
    expect(blocs.length).toBeGreaterThanOrEqual(2);
    for (const bloc of blocs) {
      expect(bloc.solutionFiles[bloc.frontmatter.entry]).toBeTruthy();
      expect(bloc.startFiles[bloc.frontmatter.entry]).toBeTruthy();
      expect(bloc.python).toContain("import");
    }
  });

  it("starts each bloc from the previous solution unless it says otherwise", async () => {
    const [zero, one] = await loadAllBlocs();
    expect(one?.startFiles).toEqual(zero?.solutionFiles);
  });

  it("lists the 30 blocs of the curriculum, numbered 0 to 29", () => {
    expect(CATALOG.map((entry) => entry.bloc)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});

describe("authoring mistakes fail with a clear message", () => {
  it("refuses a lesson that uses an unknown component, naming it and its line", async () => {
    await expect(loadAllBlocs({ dir: "test-data/courses/unknown-component" })).rejects.toThrow(
      /test-data\/courses\/unknown-component\/00-casse\/lesson\.mdx: unknown component <Inconnu> \(line 11\)/,
    );
  });

  it("refuses a solution identical to its starting code", async () => {
    await expect(loadAllBlocs({ dir: "test-data/courses/identical-solution" })).rejects.toThrow(
      "test-data/courses/identical-solution/00-pareil: the solution is identical to the starting code.",
    );
  });
});
