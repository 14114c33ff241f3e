import { randomBytes } from "node:crypto";
import path from "node:path";
import { DATA_DIR, keptSecretFile, privateFolder } from "../../tooling/secret-file";
import { UserFacingError } from "../../tooling/user-facing-error";

// A value from the environment wins; otherwise one made on the first start and kept in .data/
// (git-ignored, mode 700; the file mode 600) so restarts on this machine keep using it.
async function keptSecret(name: string, file: string, make: () => string): Promise<string> {
  const given = process.env[name];
  if (given) return given;
  await privateFolder(DATA_DIR);
  return keptSecretFile(path.join(DATA_DIR, file), make);
}

/**
 * AUTH_SECRET signs the session cookies. When it is not set, `npm start` makes one and keeps it
 * in .data/ so sessions survive restarts. Several instances must share one: set AUTH_SECRET
 * yourself, the same on every instance, or a cookie from one is refused by the others.
 */
export function ensureAuthSecret(): Promise<string> {
  return keptSecret("AUTH_SECRET", "auth-secret", () => randomBytes(32).toString("base64url"));
}

/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY encrypts the values server actions close over, and
 * `next build` salts the action ids with it. Without it each build makes its own key, so a form
 * rendered by one build fails when posted to another (instances built separately, or a page
 * left open across a rebuild). Kept in .data/ like AUTH_SECRET; several instances must share it
 * and have it set when they build as well as when they start. Next.js wants 32 bytes in base64.
 */
export async function ensureServerActionsKey(): Promise<string> {
  const key = await keptSecret("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "server-actions-key", () =>
    randomBytes(32).toString("base64"),
  );
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key)) {
    throw new UserFacingError(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 32 random bytes in base64 (44 characters): make one with `openssl rand -base64 32`.",
    );
  }
  return key;
}
