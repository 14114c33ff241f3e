import { expect, test } from "@playwright/test";
import { createUser } from "./fixtures";

// Runs in its own Playwright project after all the others (see playwright.config.ts): it locks
// sign-in from 127.0.0.1 for 15 minutes, which every other browser test signs in from.
test("sign-in is refused after five failures from one address, with one message for unknown and known accounts", async ({ page }) => {
  const user = await createUser("contributor");
  await page.goto("/signin");
  // Each try waits for the server's answer, so the six requests arrive one after another.
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
  };
  await attempt("nobody-at-all@example.org", "some password here");
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  const unknownMessage = await page.getByRole("alert").filter({ hasText: "not right" }).textContent();
  for (let i = 0; i < 4; i++) {
    await attempt(user.email, `wrong password ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "not right" })).toHaveText(unknownMessage!);
  }
  await attempt(user.email, user.password);
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

