// Secrets kept on this machine (.data/auth-secret, .data/server-actions-key, the embedded
// PostgreSQL's password): one per file, owner-only (mode 600) in an owner-only folder. A file
// that is empty, or that other users could read, stops start-up: an empty secret would sign
// cookies with nothing, and one others could read may already be known to them.
import { lstat, mkdir, readFile, writeFile, chmod, chown } from "node:fs/promises";
import path from "node:path";
import { UserFacingError } from "./user-facing-error";

/** The project's git-ignored folder for data and secrets kept on this machine (mode 700). */
export const DATA_DIR = path.resolve(import.meta.dirname, "../.data");

const modeOf = (m: number) => (m & 0o777).toString(8).padStart(3, "0");

/**
 * Makes `dir` (and missing parents) mode 700, or tightens it if others can list or enter it
 * (earlier versions made it 755). With `traverseGid` (root runs the embedded PostgreSQL as the
 * `postgres` user, whose data folder sits inside), that group may pass through to a folder
 * inside (mode 710) but not list it or read the secrets; 710 counts as private either way.
 */
export async function privateFolder(dir: string, traverseGid?: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const st = await lstat(dir);
  if (!st.isDirectory())
    throw new UserFacingError(`${dir} must be a folder, not a file or link: move it aside and start again.`);
  if (traverseGid === undefined) {
    if (st.mode & 0o067) await chmod(dir, 0o700);
    return;
  }
  if (st.gid !== traverseGid) await chown(dir, st.uid, traverseGid);
  if ((st.mode & 0o777) !== 0o710) await chmod(dir, 0o710);
}

/** The secret in `file`, or null when there is no such file; refuses an empty or readable-by-others one. */
export async function readSecretFile(file: string): Promise<string | null> {
  const st = await lstat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw err;
  });
  if (!st) return null;
  if (!st.isFile())
    throw new UserFacingError(
      `The secret file ${file} is not a plain file: move it aside and start again to have a new one made.`,
    );
  if (st.mode & 0o077) {
    throw new UserFacingError(
      `The secret file ${file} can be read or changed by other users (mode ${modeOf(st.mode)}): make it private with chmod 600 ${file}, and replace the secret if someone else may have read it.`,
    );
  }
  const secret = (await readFile(file, "utf8")).trim();
  if (!secret)
    throw new UserFacingError(
      `The secret file ${file} is empty: delete it to have a new one made (sessions signed with the old one end), or put the secret back.`,
    );
  return secret;
}

/** The secret kept in `file`; made with `make` and written owner-only on first use. */
export async function keptSecretFile(file: string, make: () => string): Promise<string> {
  const kept = await readSecretFile(file);
  if (kept) return kept;
  const secret = make();
  // "wx": never write through a file or link that appeared since the check above.
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}
