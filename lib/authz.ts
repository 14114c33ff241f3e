import "server-only";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { hasRole, type Role, type SessionUser } from "./auth/roles";

/**
 * The signed-in user or null. The session callback has just re-read the user from the
 * database (role, disabled, session version), so the role here is current.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const u = session?.user as { id?: string; email?: string | null; name?: string | null; role?: Role } | undefined;
  if (!u?.id || !u.role) return null;
  return { id: Number(u.id), email: u.email ?? "", name: u.name ?? "", role: u.role };
}

/** For pages: sends anonymous visitors to /signin and refuses lower roles. */
export async function requireUser(min: Role = "contributor", from?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin${from ? `?from=${encodeURIComponent(from)}` : ""}`);
  if (!hasRole(user, min)) redirect("/editor?denied=1");
  return user;
}
