// "Builds when no build is current": a build is current when it was made from the same
// sources. We hash what `next build` reads and keep the hash beside the build output, in the
// build folder of this process (tooling/dist-dir.ts: .next, or npm test's .next-test).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { inDistDir } from "../../tooling/dist-dir";

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
  if (!existsSync(inDistDir("BUILD_ID"))) return false;
  const stamp = await readFile(inDistDir("source-hash"), "utf8").catch(() => "");
  return stamp === (await sourceHash());
}

export async function markBuildCurrent(): Promise<void> {
  await writeFile(inDistDir("source-hash"), await sourceHash());
}
