import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures";

test("an admin creates an account, and signing it out everywhere ends its session", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage(); // axe needs a page from a context
  await signIn(admin, await createUser("admin"));
  await admin.goto("/admin/users");
  const email = `new-editor-${Math.random().toString(36).slice(2, 7)}@example.org`;
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Name").fill("New Editor");
  await admin.getByLabel("Role", { exact: true }).selectOption("editor");
  await admin.getByLabel(/^Password/).fill("a long password for the new editor");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Created ${email}` })).toBeVisible();
  expect((await new AxeBuilder({ page: admin }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const editor = await browser.newPage();
  await signIn(editor, { email, password: "a long password for the new editor" });
  await expect(editor.getByRole("heading", { name: "Editors' desk" })).toBeVisible();

  await admin.getByRole("button", { name: `Sign ${email} out everywhere` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Signed out everywhere" })).toBeVisible();
  await editor.goto("/editor");
  await expect(editor).toHaveURL(/\/signin/);
});

test("editors cannot open the users page", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/editor\?denied=1/);
  await expect(page.getByRole("alert").filter({ hasText: "higher role" })).toBeVisible();
});
