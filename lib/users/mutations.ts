import "server-only";
// Account management. Admins manage users; anyone signed in may change their own password.
// Every change that should end sessions bumps session_version, which the session callback
// checks on each request (lib/auth.ts).
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { assertRole, ForbiddenError, type Role, type SessionUser } from "../auth/roles";
import { hashPassword, verifyPassword } from "../auth/password";
import { InvalidInputError } from "../events/errors";
import { fieldErrorsOf } from "../events/schemas";
import { newUserSchema, passwordSchema, type NewUserInput } from "./schemas";

export async function createUser(prisma: PrismaClient, actor: SessionUser | null, raw: NewUserInput) {
  assertRole(actor, "admin");
  const parsed = newUserSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError("Some fields need attention.", fieldErrorsOf(parsed.error));
  const { email, name, role, password } = parsed.data;
  if (await prisma.user.findUnique({ where: { email } }))
    throw new InvalidInputError("An account with that email exists.", { email: ["An account with that email exists"] });
  return prisma.user.create({
    data: { email, name, role, passwordHash: password ? await hashPassword(password) : null },
    select: { id: true, email: true, role: true },
  });
}

// The id comes from a form field anyone can forge: an id no account could have, or one that
// does not exist, is a plain refusal rather than a database error.
async function updateAccount(prisma: PrismaClient, userId: number, data: Prisma.UserUpdateManyMutationInput) {
  const { count } =
    Number.isSafeInteger(userId) && userId >= 1 && userId <= 2 ** 31 - 1
      ? await prisma.user.updateMany({ where: { id: userId }, data })
      : { count: 0 };
  if (count !== 1) throw new InvalidInputError("There is no such account.");
}

// An admin may not lock themselves out: the last word on the desk must stay with someone.
function notSelf(actor: SessionUser, userId: number, what: string) {
  if (actor.id === userId) throw new ForbiddenError(`You cannot ${what} your own account; ask another admin.`);
}

export async function changeRole(prisma: PrismaClient, actor: SessionUser | null, userId: number, role: Role) {
  assertRole(actor, "admin");
  notSelf(actor, userId, "change the role of");
  if (!["contributor", "editor", "admin"].includes(role)) throw new InvalidInputError("Unknown role.");
  await updateAccount(prisma, userId, { role });
}

export async function setDisabled(prisma: PrismaClient, actor: SessionUser | null, userId: number, disabled: boolean) {
  assertRole(actor, "admin");
  notSelf(actor, userId, "disable");
  await updateAccount(prisma, userId, { disabled, sessionVersion: { increment: 1 } });
}

/**
 * An admin sets another account's password. Their own needs the current one too, as on the
 * account page: otherwise a moment at an unlocked admin's desk is enough to take the account.
 */
export async function resetPassword(
  prisma: PrismaClient,
  actor: SessionUser | null,
  userId: number,
  password: string,
  current = "",
) {
  assertRole(actor, "admin");
  if (userId === actor.id) await checkCurrentPassword(prisma, actor, current);
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success)
    throw new InvalidInputError(parsed.error.issues[0].message, { password: [parsed.error.issues[0].message] });
  await updateAccount(prisma, userId, { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } });
}

export async function signOutEverywhere(prisma: PrismaClient, actor: SessionUser | null, userId: number) {
  assertRole(actor, "admin");
  await updateAccount(prisma, userId, { sessionVersion: { increment: 1 } });
}

/**
 * Ends every session of the signed-in user, this one included: signing out, and "sign out
 * everywhere" on the account page. Sessions are signed cookies (JWT) checked against the
 * account's session version on each request, so bumping it is what makes a copied cookie
 * worthless after sign-out; the cost is that signing out on one device signs out the others too.
 */
export async function endOwnSessions(prisma: PrismaClient, actor: SessionUser | null) {
  assertRole(actor, "contributor");
  await updateAccount(prisma, actor.id, { sessionVersion: { increment: 1 } });
}

async function checkCurrentPassword(prisma: PrismaClient, actor: SessionUser, current: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, current)))
    throw new InvalidInputError("The current password is not right.", { current: ["Not right"] });
}

/** Ends every session of the user, this one included: they sign in again with the new password. */
export async function changeOwnPassword(
  prisma: PrismaClient,
  actor: SessionUser | null,
  current: string,
  next: string,
) {
  assertRole(actor, "contributor");
  await checkCurrentPassword(prisma, actor, current);
  const parsed = passwordSchema.safeParse(next);
  if (!parsed.success)
    throw new InvalidInputError(parsed.error.issues[0].message, { next: [parsed.error.issues[0].message] });
  await prisma.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(next), sessionVersion: { increment: 1 } },
  });
}

export function listUsers(prisma: PrismaClient) {
  return prisma.user.findMany({
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    orderBy: { email: "asc" },
  });
}
