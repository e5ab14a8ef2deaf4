/**
 * The import rules (.dependency-cruiser.cjs) hold over the real tree in `npm run lint:deps`; here
 * each rule is shown to fail. A small tree is written to a temporary folder with one import
 * that breaks each rule, and depcruise (the same CLI, the same config) must name every one of
 * them; a tree that keeps the rules, including the allowed exceptions, must pass.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = path.join(ROOT, "node_modules/.bin/depcruise");
const run = promisify(execFile);
const folders: string[] = [];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Writes `files` (path → source) under a fresh folder and returns the violations depcruise reports. */
async function violationsOf(files: Record<string, string>, config = CONFIG): Promise<Violation[]> {
  const tree = mkdtempSync(path.join(os.tmpdir(), "cuvee-import-rules-"));
  folders.push(tree);
  const all = { "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }), ...files };
  for (const [file, source] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    writeFileSync(path.join(tree, file), source);
  }
  const sources = Object.keys(files).filter((file) => file.endsWith(".ts") || file.endsWith(".tsx"));
  // depcruise exits non-zero when it finds errors; the JSON report is on stdout either way.
  const { stdout } = await run(DEPCRUISE, ["--config", config, "--output-type", "json", ...sources], { cwd: tree }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
  );
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A tree that keeps every rule: the flow page → components → SDK, server below app. */
const KEEPS_THE_RULES: Record<string, string> = {
  "lib/server/tracking/store.ts": "export interface TrackingStore { name: string }\n",
  "lib/server/tracking/index.ts": 'export type { TrackingStore } from "./store";\nexport const store = 1;\n',
  "lib/server/registry/store.ts": 'import { store } from "@/lib/server/tracking";\nexport const registry = store;\n',
  "lib/server/rest/http.ts": "export const ok = 200;\n",
  "lib/server/tracking/handlers.ts": 'import { ok } from "@/lib/server/rest/http";\nexport const handlers = ok;\n',
  "lib/tracking/client.ts": "export const client = 1;\n",
  "lib/course/catalog.ts": "export const catalog = [];\n",
  "lib/runner/run.ts": 'import { client } from "@/lib/tracking/client";\nexport const run = client;\n',
  // The allowed exception: a component may name a server type.
  "components/panel.tsx": 'import type { TrackingStore } from "@/lib/server/tracking";\nimport { run } from "@/lib/runner/run";\nexport const panel = (s: TrackingStore) => [s, run];\n',
  "app/page.tsx": 'import { panel } from "@/components/panel";\nimport { registry } from "@/lib/server/registry/store";\nexport default [panel, registry];\n',
};

// Each case spawns depcruise, which takes seconds on a loaded 2-CPU machine.
describe("the import rules", { timeout: 60_000 }, () => {
  it("let a tree that keeps them pass, type-only imports from components included", async () => {
    expect(await violationsOf(KEEPS_THE_RULES)).toEqual([]);
  });

  it("name every import that breaks one", async () => {
    const violations = await violationsOf({
      ...KEEPS_THE_RULES,
      "lib/tracking/leak.ts": 'import { store } from "@/lib/server/tracking";\nexport const leak = store;\n',
      "components/loads-server.tsx": 'import { store } from "@/lib/server/tracking";\nexport const c = store;\n',
      "lib/course/renders.ts": 'import { panel } from "@/components/panel";\nexport const r = panel;\n',
      "lib/course/checks.ts": 'import { store } from "@/lib/server/tracking";\nexport const k = store;\n',
      "lib/ml/fit.ts": 'import { client } from "@/lib/tracking/client";\nexport const fit = client;\n',
      "lib/runner/server.ts": 'import { store } from "@/lib/server/tracking";\nexport const s = store;\n',
      "lib/server/views.ts": 'import { panel } from "@/components/panel";\nexport const v = panel;\n',
      "lib/server/rest/dispatch.ts": 'import { handlers } from "@/lib/server/tracking/handlers";\nexport const d = handlers;\n',
      "lib/server/registry/inside.ts": 'import { handlers } from "@/lib/server/tracking/rest/endpoint";\nexport const i = handlers;\n',
      "lib/server/tracking/rest/endpoint.ts": "export const handlers = 1;\n",
      "lib/server/tracking/models.ts": 'import { registry } from "@/lib/server/registry/store";\nexport const m = registry;\n',
      "lib/data/page.ts": 'import page from "@/app/page";\nexport const p = page;\n',
      // Two folders importing each other, and two modules loading each other.
      "lib/a/one.ts": 'import { two } from "@/lib/b/two";\nexport const one = two;\n',
      "lib/b/two.ts": 'import { three } from "@/lib/a/three";\nexport const two = three;\n',
      "lib/a/three.ts": "export const three = 3;\n",
      "lib/c/x.ts": 'import { y } from "./y";\nexport const x = () => y;\n',
      "lib/c/y.ts": 'import { x } from "./x";\nexport const y = () => x;\n',
    });
    const broken = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);
    expect(broken("sdk-knows-no-server")).toContain("lib/tracking/leak.ts → lib/server/tracking/index.ts");
    expect(broken("components-only-type-the-server")).toEqual(["components/loads-server.tsx → lib/server/tracking/index.ts"]);
    expect(broken("course-is-pure-content").sort()).toEqual([
      "lib/course/checks.ts → lib/server/tracking/index.ts",
      "lib/course/renders.ts → components/panel.tsx",
    ]);
    expect(broken("kit-stands-alone")).toEqual(expect.arrayContaining(["lib/ml/fit.ts → lib/tracking/client.ts", "lib/data/page.ts → app/page.tsx"]));
    expect(broken("runner-knows-no-server-or-ui")).toEqual(["lib/runner/server.ts → lib/server/tracking/index.ts"]);
    expect(broken("server-knows-no-ui")).toEqual(["lib/server/views.ts → components/panel.tsx"]);
    expect(broken("rest-knows-no-surface")).toEqual(["lib/server/rest/dispatch.ts → lib/server/tracking/handlers.ts"]);
    expect(broken("registry-and-tracking-are-siblings")).toEqual(["lib/server/registry/inside.ts → lib/server/tracking/rest/endpoint.ts"]);
    expect(broken("tracking-knows-no-registry")).toEqual(["lib/server/tracking/models.ts → lib/server/registry/store.ts"]);
    expect(broken("nothing-imports-pages")).toEqual(["lib/data/page.ts → app/page.tsx"]);
    expect(broken("no-folder-cycle").join("\n")).toMatch(/lib\/a.*lib\/b|lib\/b.*lib\/a/);
    expect(broken("no-module-cycle").join("\n")).toMatch(/lib\/c\/x\.ts → lib\/c\/y\.ts|lib\/c\/y\.ts → lib\/c\/x\.ts/);
  });

  it("refuse a component's type-only import of the server once the exception is deleted", async () => {
    const withoutException = readFileSync(CONFIG, "utf8").replace('dependencyTypesNot: ["type-only"]', "");
    expect(withoutException).not.toBe(readFileSync(CONFIG, "utf8"));
    const config = path.join(mkdtempSync(path.join(os.tmpdir(), "cuvee-import-config-")), "rules.cjs");
    folders.push(path.dirname(config));
    writeFileSync(config, withoutException);
    const violations = await violationsOf(KEEPS_THE_RULES, config);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([
      "components-only-type-the-server: components/panel.tsx → lib/server/tracking/index.ts",
    ]);
  });
});
