/**
 * Screenshots of the pages issue #13's interface part changed, with a long course history
 * (e2e/course-history.ts): the course list and the live panel at bloc 12 (its Suivi pane on a
 * phone), a 404, the runs table after autolog, and a comparison. `npm run screenshots`; they land
 * in `.tmp/screenshots` (or `SCREENSHOT_DIR`) for a person to look at.
 */
import { expect, test, type Page } from "@playwright/test";
import { seedCourseHistory } from "./course-history";
import { openWithWorkspace } from "./tracking-fixtures";
import { unwrittenBlocPath } from "./unwritten-bloc";

const directory = process.env.SCREENSHOT_DIR ?? ".tmp/screenshots";

const SIZES = [
  { name: "bureau", width: 1280, height: 900 },
  { name: "telephone", width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string, before?: (page: Page) => Promise<void>) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    if (before) await before(page);
    for (const theme of ["clair", "sombre"] as const) {
      await page.evaluate((dark) => {
        localStorage.setItem("cuvee:theme", dark ? "dark" : "light");
        document.documentElement.classList.toggle("dark", dark);
      }, theme === "sombre");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${directory}/ui-${name}-${size.name}-${theme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("screenshots of the course, the live panel, a 404 and the tracking pages with a long history", async ({ page }) => {
  test.setTimeout(600_000);
  const api = await openWithWorkspace(page, "/cours");
  const history = await seedCourseHistory(api);

  await page.goto("/cours");
  await shoot(page, "01-parcours");

  await page.goto("/cours/12");
  await expect(page.getByRole("region", { name: "Expérience exp_wine_elasticnet" })).toBeAttached();
  await shoot(page, "02-bloc12", async (current) => {
    // On a phone, the Suivi pane; from 800 px everything shows.
    const suivi = current.getByRole("button", { name: "Suivi" });
    if (await suivi.isVisible()) await suivi.click();
  });

  await page.goto("/cours/4");
  await expect(page.getByRole("region", { name: "Expérience exp_wine_quality_v2" })).toBeAttached();
  await shoot(page, "03-bloc4-autolog", async (current) => {
    const suivi = current.getByRole("button", { name: "Suivi" });
    if (await suivi.isVisible()) await suivi.click();
  });

  await page.goto((await unwrittenBlocPath()) ?? "/page-qui-n-existe-pas");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await shoot(page, "04-introuvable");

  await page.goto(`/suivi/experiences/${history.experiments.exp_wine_quality_v2}`);
  await expect(page.getByRole("row", { name: /^Run / })).toHaveCount(5);
  await shoot(page, "05-runs-autolog");

  await page.goto(`/suivi/comparer?runs=${[...history.sweepRunIds, history.autologRunId].join(",")}`);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await shoot(page, "06-comparaison");

  await page.goto(`/suivi/runs/${history.autologRunId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "07-run");
});
