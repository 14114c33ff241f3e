// Roles and the errors every write function throws when the caller may not act.
export const ROLES = ["contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

export function hasRole(user: SessionUser | null | undefined, min: Role): boolean {
  return Boolean(user && RANK[user.role] >= RANK[min]);
}

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/** Throws unless `user` holds at least `min`; the first line of every write. */
export function assertRole(user: SessionUser | null | undefined, min: Role): asserts user is SessionUser {
  if (!user) throw new ForbiddenError("Sign in first.");
  if (RANK[user.role] < RANK[min]) throw new ForbiddenError();
}
