import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "../../.data/auth-secret");

/**
 * AUTH_SECRET signs the session cookies. When it is not set, `npm start` makes one and keeps it
 * in .data/ (git-ignored) so sessions survive restarts. Several instances must share one: set
 * AUTH_SECRET yourself in production.
 */
export async function ensureAuthSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (existsSync(FILE)) return (await readFile(FILE, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(FILE), { recursive: true });
  await writeFile(FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}
