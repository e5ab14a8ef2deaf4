import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

describe("the editor's French TypeScript messages", () => {
  it("come from the same TypeScript version as Monaco's bundled one (their keys name its messages)", () => {
    const metadata = readFileSync("node_modules/monaco-editor/esm/vs/languages/features/typescript/lib/typescriptServicesMetadata.js", "utf8");
    expect(metadata).toContain(`typescriptVersion = "${ts.version}"`);
    const french = JSON.parse(readFileSync("node_modules/typescript/lib/fr/diagnosticMessages.generated.json", "utf8")) as Record<string, string>;
    expect(french.Cannot_find_name_0_Did_you_mean_1_2552).toMatch(/^Le nom '\{0\}' est introuvable\. Est-ce qu'il ne s'agit pas plutôt de '\{1\}'/);
  });
});
