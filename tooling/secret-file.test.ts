// Secrets kept on this machine: an owner-only folder, owner-only files, and a start-up that
// stops in one sentence when a secret file is empty or others could read it.
import { chmod, lstat, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keptSecretFile, privateFolder, readSecretFile } from "./secret-file";

const mode = async (p: string) => (await lstat(p)).mode & 0o777;

describe("secrets kept in .data/", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "tracker-secrets-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("makes the folder owner-only (700), and narrows one an earlier version left open (755)", async () => {
    const data = path.join(dir, "a", ".data");
    await privateFolder(data);
    expect(await mode(data)).toBe(0o700);
    const old = path.join(dir, "old");
    await mkdir(old, { mode: 0o755 });
    await chmod(old, 0o755);
    await privateFolder(old);
    expect(await mode(old)).toBe(0o700);
  });

  it("lets only a given group pass through (710) when the postgres user must reach its data inside", async () => {
    const data = path.join(dir, ".data");
    const gid = (await lstat(dir)).gid;
    await privateFolder(data, gid);
    expect(await mode(data)).toBe(0o710);
    await privateFolder(data); // the secrets' own check accepts that: nobody can list or read
    expect(await mode(data)).toBe(0o710);
  });

  it("makes a secret once, owner-only (600), and reads the same one back", async () => {
    const file = path.join(dir, "auth-secret");
    const made = await keptSecretFile(file, () => "s3cret");
    expect(made).toBe("s3cret");
    expect(await mode(file)).toBe(0o600);
    expect(await keptSecretFile(file, () => "another")).toBe("s3cret");
  });

  it("stops on an empty secret file, in one sentence saying what to do", async () => {
    const file = path.join(dir, "auth-secret");
    await writeFile(file, "\n", { mode: 0o600 });
    await expect(readSecretFile(file)).rejects.toThrow(
      `The secret file ${file} is empty: delete it to have a new one made`,
    );
    await expect(keptSecretFile(file, () => "new")).rejects.toThrow("is empty");
    expect(await readFile(file, "utf8")).toBe("\n"); // never replaced behind the user's back
  });

  it("stops on a group- or world-readable secret file, naming the chmod that fixes it", async () => {
    const file = path.join(dir, "postgres-password");
    await writeFile(file, "pw\n");
    for (const m of [0o640, 0o644, 0o604]) {
      await chmod(file, m);
      await expect(readSecretFile(file)).rejects.toThrow(
        new RegExp(
          `^The secret file ${file} can be read or changed by other users \\(mode ${m.toString(8)}\\): make it private with chmod 600 ${file}, and replace the secret if someone else may have read it\\.$`,
        ),
      );
    }
    await chmod(file, 0o600);
    expect(await readSecretFile(file)).toBe("pw");
  });
});
