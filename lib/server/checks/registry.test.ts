import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listBlocFolders } from "@/lib/course/load";
import { CHECKS } from "./registry.generated";
import { checkFolders, REGISTRY_FILE, renderCheckRegistry } from "./registry-source";

describe("the registry of checks", () => {
  it("is what the folders of content/blocs give (else run `npm run checks:registry`)", async () => {
    expect(readFileSync(REGISTRY_FILE, "utf8")).toBe(renderCheckRegistry(await checkFolders()));
  });

  it("has a check for every written bloc and none for unwritten ones", async () => {
    const written = [...(await listBlocFolders()).keys()].sort((a, b) => a - b);
    expect(Object.keys(CHECKS).map(Number).sort((a, b) => a - b)).toEqual(written);
  });

  it("leaves out a bloc folder without check.ts, so that the test above fails for it", async () => {
    const source = { dir: "test-data/courses/identical-solution" };
    expect([...(await listBlocFolders(source)).keys()]).toEqual([0]);
    expect(renderCheckRegistry(await checkFolders(source))).not.toContain("import { check as");
  });
});
