/**
 * axe-core over every page, at desktop and phone sizes, in the light and the dark theme: no
 * serious or critical violation. One seeded workspace (e2e/course-history.ts) serves every page;
 * each page loads once per size and is checked in both themes (the theme is a class on <html>).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { seedCourseHistory, type CourseHistory } from "./course-history";
import { openWithWorkspace } from "./tracking-fixtures";
import { unwrittenBlocPath } from "./unwritten-bloc";

const SIZES = [
  { name: "bureau", width: 1280, height: 900 },
  { name: "téléphone", width: 390, height: 844 },
] as const;

interface Setup {
  storage: Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>;
  history: CourseHistory;
  workspaceId: string;
  blocs: number[];
  /** The 404 of a bloc not written yet, while there is one. */
  unwritten: string | undefined;
}

let setup: Setup;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const api = await openWithWorkspace(page, "/cours");
  const history = await seedCourseHistory(api);
  await page.goto("/cours");
  const hrefs = await page.getByRole("list", { name: "Liste des blocs" }).getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const blocs = hrefs.map((href) => Number(/^\/cours\/(\d+)$/.exec(href)?.[1])).filter((bloc) => Number.isInteger(bloc));
  setup = { storage: await context.storageState(), history, workspaceId: api.workspaceId, blocs, unwritten: await unwrittenBlocPath() };
  await context.close();
});

interface Checked {
  path: string;
  ready: (page: Page) => Promise<void>;
}

/** Every page, with what shows it is ready to be checked: the course's, then the tracking pages. */
function pages(): { course: Checked[]; tracking: Checked[] } {
  const { history, workspaceId, blocs, unwritten } = setup;
  const heading = (page: Page) => expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const lesson = async (page: Page) => {
    await heading(page);
    // The live panel has answered and the editor is mounted: what a learner sees.
    await expect(page.getByRole("region", { name: "Suivi en direct" }).getByText("Chargement de vos expériences…")).toHaveCount(0);
    await expect(page.locator(".monaco-editor").first()).toBeAttached();
  };
  const model = encodeURIComponent(history.modelName);
  return {
    course: [
      { path: "/", ready: heading },
      { path: "/cours", ready: heading },
      ...blocs.map((bloc) => ({ path: `/cours/${bloc}`, ready: lesson })),
      ...(unwritten ? [{ path: unwritten, ready: heading }] : []),
      { path: "/page-qui-n-existe-pas", ready: heading },
      { path: `/reprendre/${workspaceId}`, ready: heading },
    ],
    tracking: [
      { path: "/suivi", ready: heading },
      {
        path: `/suivi/experiences/${history.experiments.exp_wine_quality_v2}`,
        ready: async (page) => expect(page.getByRole("row", { name: /^Run / })).toHaveCount(5),
      },
      {
        path: `/suivi/runs/${history.autologRunId}`,
        ready: async (page) => {
          await heading(page);
          await page.getByRole("button", { name: /predictions\.csv/ }).click();
          await expect(page.getByRole("columnheader", { name: "prediction" })).toBeVisible();
        },
      },
      {
        path: `/suivi/comparer?runs=${history.sweepRunIds.join(",")}`,
        ready: async (page) => {
          await heading(page);
          await expect(page.locator(".recharts-surface").first()).toBeVisible();
        },
      },
      { path: "/suivi/modeles", ready: heading },
      { path: `/suivi/modeles/${model}`, ready: heading },
      { path: `/suivi/modeles/${model}/versions/2`, ready: heading },
    ],
  };
}

/** Serious and critical violations, one line each with a few of the nodes. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${where}: ${violation.id} (${violation.impact}, ${violation.nodes.length} nœud(s)) ${violation.nodes
          .slice(0, 8)
          .map((node) => `${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1, 2).join(" ").trim()}`)
          .join(" | ")}`,
    );
}

for (const size of SIZES) {
  for (const group of ["course", "tracking"] as const) {
    test(`axe: no serious or critical violation on the ${group} pages (${size.name}, thèmes clair et sombre)`, async ({ browser }) => {
      test.setTimeout(900_000);
      const context = await browser.newContext({ storageState: setup.storage, viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      const found: string[] = [];
      for (const { path, ready } of pages()[group]) {
        await page.goto(path);
        // Colours mid-transition or mid-pulse would be measured wrong: check the settled page.
        await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        await ready(page);
        for (const dark of [false, true]) {
          await page.evaluate((isDark) => {
            localStorage.setItem("cuvee:theme", isDark ? "dark" : "light");
            document.documentElement.classList.toggle("dark", isDark);
          }, dark);
          // The editor follows the theme on the next render.
          await page.waitForFunction((isDark) => {
            const editor = document.querySelector(".monaco-editor");
            return !editor || editor.classList.contains(isDark ? "vs-dark" : "vs");
          }, dark);
          found.push(...(await seriousViolations(page, `${path} ${size.name} ${dark ? "sombre" : "clair"}`)));
        }
      }
      await context.close();
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}
