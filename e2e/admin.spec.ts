import { expect, test } from "@playwright/test";
import { createUser, expectNoSeriousViolations, PASSWORD, signIn } from "./fixtures";

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
  await expectNoSeriousViolations(admin);

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

test("signing out ends the session on the server: a copy of the cookie no longer works", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, await createUser("editor"));
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  // Someone who copied the cookie before the sign-out (a shared computer) is not signed in.
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto("/editor");
  await expect(other).toHaveURL(/\/signin/);
});

// Each sign-in costs an argon2 hash on purpose: these journeys sign in four times.
test("a user changes their password on their account page, which ends their other sessions", async ({ browser }) => {
  test.setTimeout(60_000);
  const user = await createUser("contributor");
  const page = await (await browser.newContext()).newPage(); // axe needs a page from a context
  await signIn(page, user);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByLabel("Current password").fill("not the password at all");
  await page.getByLabel(/^New password/).fill("a new password for the contributor");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The current password is not right." }).first()).toBeVisible();

  // A second browser signed in as the same user, to see the change reach it.
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, user);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel(/^New password/).fill("a new password for the contributor");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();
  await elsewhere.goto("/editor");
  await expect(elsewhere).toHaveURL(/\/signin/);
  await signIn(page, { email: user.email, password: "a new password for the contributor" });
});

test("a user signs out everywhere on their account page", async ({ browser }) => {
  test.setTimeout(60_000);
  const user = await createUser("contributor");
  const page = await (await browser.newContext()).newPage();
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(page, user);
  await signIn(elsewhere, user);
  await page.goto("/editor/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You were signed out on every device" })).toBeVisible();
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/signin/);
  await elsewhere.goto("/editor");
  await expect(elsewhere).toHaveURL(/\/signin/);
});

test("the users page sends an admin to their account page for their own password", async ({ page }) => {
  await signIn(page, await createUser("admin"));
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "your account page" }).click();
  await expect(page).toHaveURL(/\/editor\/account$/);
  await expect(page.getByLabel("Current password")).toBeVisible();
});
