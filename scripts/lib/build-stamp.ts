// "Builds when no build is current": a build is current when it was made from the same
// sources. We hash what `next build` reads and keep the hash beside the build output.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];
const STAMP = path.join(ROOT, ".next", "source-hash");

async function* files(p: string): AsyncGenerator<string> {
  const abs = path.join(ROOT, p);
  if (!existsSync(abs)) return;
  const entries = await readdir(abs, { withFileTypes: true }).catch(() => null);
  if (!entries) return yield p;
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === "generated" || e.name.startsWith(".")) continue;
    yield* files(path.join(p, e.name));
  }
}

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for await (const file of files(input))
      hash
        .update(file)
        .update("\0")
        .update(await readFile(path.join(ROOT, file)))
        .update("\0");
  }
  return hash.digest("hex");
}

export async function buildIsCurrent(): Promise<boolean> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return false;
  const stamp = await readFile(STAMP, "utf8").catch(() => "");
  return stamp === (await sourceHash());
}

export async function markBuildCurrent(): Promise<void> {
  await writeFile(STAMP, await sourceHash());
}
