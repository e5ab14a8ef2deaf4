import { describe, expect, it } from "vitest";
import { computeAjout, computeFileAjouts } from "./ajout";
import { diffLines } from "./line-diff";

describe("diffLines", () => {
  it("keeps common lines and numbers both sides from 1", () => {
    expect(diffLines("a\nb\nc\n", "a\nx\nc\n")).toEqual([
      { kind: "same", oldLine: 1, newLine: 1, text: "a" },
      { kind: "removed", oldLine: 2, text: "b" },
      { kind: "added", newLine: 2, text: "x" },
      { kind: "same", oldLine: 3, newLine: 3, text: "c" },
    ]);
  });
});

describe("computeAjout", () => {
  const start = ["import a;", "import b;", "", "run();", "print();"].join("\n");

  it("places an addition after the nearest non-blank line, with its text", () => {
    const solution = ["import a;", "import b;", "import mlflow;", "", "run();", "print();"].join("\n");
    expect(computeAjout(start, solution)).toEqual([
      { position: "Après la ligne 2", anchor: "import b;", action: "Ajoutez", lines: [{ kind: "added", text: "import mlflow;" }] },
    ]);
  });

  it("says 'before' when the addition opens the file, and handles several hunks", () => {
    const solution = ["// header", "import a;", "import b;", "", "run();", "log();", "print();"].join("\n");
    const hunks = computeAjout(start, solution);
    expect(hunks.map((hunk) => [hunk.position, hunk.anchor])).toEqual([
      ["Avant la ligne 1", "import a;"],
      ["Après la ligne 4", "run();"],
    ]);
  });

  it("describes removals and replacements by their lines", () => {
    expect(computeAjout(start, ["import a;", "import b;", "", "print();"].join("\n"))).toEqual([
      { position: "À la ligne 4", action: "Supprimez", lines: [{ kind: "removed", text: "run();" }] },
    ]);
    const replaced = computeAjout(start, ["import a;", "import b;", "", "await run();", "print();"].join("\n"));
    expect(replaced[0]).toMatchObject({ position: "À la ligne 4", action: "Remplacez" });
  });

  it("leaves out blank lines at the edges of a change", () => {
    const solution = ["import a;", "import b;", "", "run();", "", "log();", "", "print();"].join("\n");
    expect(computeAjout(start, solution)[0]?.lines).toEqual([{ kind: "added", text: "log();" }]);
  });

  it("ignores changes of blank lines only", () => {
    expect(computeAjout(start, start.replace("\n\n", "\n\n\n"))).toEqual([]);
  });
});

describe("computeFileAjouts", () => {
  it("lists each changed file's hunks, the entry first, and a new file whole, marked new", () => {
    const start = { "main.ts": "a\nb\n", "same.ts": "x\n" };
    const solution = { "main.ts": "a\nb\nc\n", "same.ts": "x\n", "sklearn-wrapper.ts": "export class W {}\n\nexport const w = new W();\n" };
    const ajouts = computeFileAjouts(start, solution, "main.ts");
    expect(ajouts.map(({ file, isNew }) => ({ file, isNew }))).toEqual([
      { file: "main.ts", isNew: false },
      { file: "sklearn-wrapper.ts", isNew: true },
    ]);
    expect(ajouts[0]!.hunks).toEqual([{ position: "Après la ligne 2", anchor: "b", action: "Ajoutez", lines: [{ kind: "added", text: "c" }] }]);
    expect(ajouts[1]!.hunks).toHaveLength(1);
    expect(ajouts[1]!.hunks[0]!.lines.map((line) => line.text)).toEqual(["export class W {}", "", "export const w = new W();"]);
  });
});
