import { expect, test } from "@playwright/test";
import { openWithWorkspace } from "./tracking-fixtures";
import { unwrittenBlocPath } from "./unwritten-bloc";

test("a missing page and a bloc not written yet answer 404 in French, with ways back", async ({ page }) => {
  const unwritten = await unwrittenBlocPath();
  for (const path of [...(unwritten ? [unwritten] : []), "/nulle-part"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page).toHaveTitle("Page introuvable · Cuvée");
    const ways = page.getByRole("navigation", { name: "Où aller" });
    await expect(ways.getByRole("link", { name: "Retour au parcours" })).toHaveAttribute("href", "/cours");
    await expect(ways.getByRole("link", { name: "Vos expériences" })).toHaveAttribute("href", "/suivi");
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
  }
});

test("the progress counter shows on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const api = await openWithWorkspace(page, "/cours");
  expect(api.workspaceId).toBeTruthy();
  const counter = page.getByTestId("progress-counter");
  await expect(counter).toBeVisible();
  await expect(counter).toHaveText("Progression : 0/30 blocs", { useInnerText: true });
  const box = (await counter.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing in the header runs off the screen.
  expect(await page.evaluate(() => document.querySelector("header")!.scrollWidth)).toBeLessThanOrEqual(390);
});
