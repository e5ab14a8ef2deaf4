import { describe, expect, it } from "vitest";
import {
  FILE_NAME_MAX_CHARS,
  fileNameProblem,
  missingSolutionFiles,
  orderedFileNames,
  removeAddedFile,
  resetFile,
  withFileText,
  workbenchFiles,
} from "./workbench-files";

const start = { "main.ts": "start main\n", "utils.ts": "start utils\n" };

describe("workbench files", () => {
  it("shows the starting files overlaid with the learner's edits and additions, entry first", () => {
    const files = workbenchFiles(start, { "utils.ts": "edited\n", "a-wrapper.ts": "new\n" });
    expect(files).toEqual({ "main.ts": "start main\n", "utils.ts": "edited\n", "a-wrapper.ts": "new\n" });
    expect(orderedFileNames(files, "main.ts")).toEqual(["main.ts", "a-wrapper.ts", "utils.ts"]);
  });

  it("keeps only real edits: a starting file typed back to its start is no edit, an added file stays even empty", () => {
    let edits = withFileText({}, start, "main.ts", "changed\n");
    expect(edits).toEqual({ "main.ts": "changed\n" });
    edits = withFileText(edits, start, "main.ts", "start main\n");
    expect(edits).toEqual({});
    expect(withFileText({}, start, "new.ts", "")).toEqual({ "new.ts": "" });
  });

  it("resets one file only: a starting file to its start, an added file to empty", () => {
    const edits = { "main.ts": "changed\n", "utils.ts": "changed too\n", "new.ts": "mine\n" };
    expect(resetFile(edits, start, "main.ts")).toEqual({ "utils.ts": "changed too\n", "new.ts": "mine\n" });
    expect(resetFile(edits, start, "new.ts")).toEqual({ "main.ts": "changed\n", "utils.ts": "changed too\n", "new.ts": "" });
  });

  it("removes an added file, never a starting one", () => {
    const edits = { "main.ts": "changed\n", "new.ts": "mine\n" };
    expect(removeAddedFile(edits, start, "new.ts")).toEqual({ "main.ts": "changed\n" });
    expect(removeAddedFile(edits, start, "main.ts")).toBe(edits);
  });

  it("names the solution's files the learner has not created yet", () => {
    expect(missingSolutionFiles(start, { "main.ts": "", "sklearn-wrapper.ts": "" })).toEqual(["sklearn-wrapper.ts"]);
    expect(missingSolutionFiles({ ...start, "sklearn-wrapper.ts": "" }, { "main.ts": "", "sklearn-wrapper.ts": "" })).toEqual([]);
  });
});

describe("new file names", () => {
  const existing = ["main.ts", "utils.ts"];

  it("accepts a plain .ts name", () => {
    expect(fileNameProblem("sklearn-wrapper.ts", existing)).toBeNull();
    expect(fileNameProblem("model_v2.ts", existing)).toBeNull();
  });

  it.each([
    ["", "Donnez un nom"],
    ["  ", "Donnez un nom"],
    ["mon modele.ts", "espace"],
    ["modele.js", "« .ts »"],
    ["modele", "« .ts »"],
    ["types.d.ts", "« .d.ts »"],
    ["../main.ts", "racine du projet"],
    ["lib/model.ts", "racine du projet"],
    ["..\\x.ts", "racine du projet"],
    ["modèle.ts", "lettres sans accent"],
    [".ts", "lettres sans accent"],
    ["Main.ts", "existe déjà"],
    ["utils.ts", "existe déjà"],
    [`${"a".repeat(FILE_NAME_MAX_CHARS)}.ts`, "trop long"],
  ])("refuses %j, saying why in French", (name, why) => {
    expect(fileNameProblem(name, existing)).toContain(why);
  });
});
