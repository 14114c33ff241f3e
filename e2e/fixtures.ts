// Test accounts made straight in the e2e database, one set per test, so tests never share users;
// and the accessibility check and table reading the specs share.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/prisma-client";

export const PASSWORD = "correct horse battery staple 42";
let prisma: ReturnType<typeof createPrismaClient> | undefined;

export async function createUser(role: "contributor" | "editor" | "admin", name: string = role) {
  prisma ??= createPrismaClient(process.env.E2E_DATABASE_URL!, 2);
  const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
  await prisma.user.create({
    data: { email, name: `${name} ${email.slice(-16, -12)}`, role, passwordHash: await hashPassword(PASSWORD) },
  });
  return { email, password: PASSWORD };
}

/** Fills in and sends the sign-in form of the app at `base` (this run's server when empty). */
export async function submitSignIn(page: Page, user: { email: string; password: string }, base = "") {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await submitSignIn(page, user);
  await page.waitForURL(/\/editor/);
}

/** Fails the test when axe finds a serious or critical violation on the page as it is now. */
export async function expectNoSeriousViolations(page: Page, message?: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`),
    message,
  ).toEqual([]);
}

/** The ids of the events in the table on the page, in its order. */
export const tableEventIds = (page: Page) =>
  page
    .getByRole("table")
    .locator("tbody tr td:nth-child(2) a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.replace("/events/", "")));
