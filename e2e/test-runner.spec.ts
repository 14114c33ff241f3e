// npm test beside a running `npm start`, and npm test interrupted. One run of the runner serves
// both checks (its build is the costly part): an app serves a copy of the test build from a folder
// of its own, as `npm start` serves .next; the runner rebuilds its own build folder (as every full
// npm test does), seeds its database and starts its browser tests' server. Then the app must still
// serve its pages and every script they load, and the runner, sent SIGINT, must stop every process
// and the embedded PostgreSQL it started.
//
// Runs last (the "runner" project, after every other spec: the rebuild replaces the build those
// specs were served). Alone: npm test -- --e2e-only --no-deps e2e/test-runner.spec.ts
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { distDir } from "../tooling/dist-dir";
import { descendants, running } from "../tooling/process-tree";
import { createAppDatabase, sharedSecrets, startApp, type AppInstance } from "./instance";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVED = ".next-test-served"; // the stand-in for npm start's .next
const PAGES = ["/", "/events", "/signin"];

/** What a page loads as script: <script src> and script preloads, as addresses on the app. */
async function scriptsOf(base: string, page: string): Promise<string[]> {
  const html = await (await fetch(base + page)).text();
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*\bas="script"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([...srcs, ...preloads])].map((src) => new URL(src.replaceAll("&amp;", "&"), base).toString());
}

/** Each address with the status it answers now. */
const statuses = (urls: string[]) => Promise.all(urls.map(async (u) => `${(await fetch(u)).status} ${u}`));

/** The command line of each running process in `pids`. */
function commands(pids: number[]): Map<number, string> {
  const found = new Map<number, string>();
  if (!pids.length) return found;
  const out = spawnSync("ps", ["-o", "pid=", "-o", "args=", "-p", pids.join(",")], { encoding: "utf8" }).stdout;
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m) found.set(Number(m[1]), m[2]);
  }
  return found;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

let app: AppInstance | undefined;
let database: Awaited<ReturnType<typeof createAppDatabase>> | undefined;
let runner: ChildProcess | undefined;

test.afterAll(async () => {
  // A failed check leaves the runner running: interrupt it, which stops what it started.
  if (runner && runner.exitCode === null && runner.signalCode === null) {
    const gone = new Promise((resolve) => runner!.once("exit", resolve));
    runner.kill("SIGINT");
    await gone;
  }
  await app?.stop();
  await database?.drop();
  await rm(path.join(ROOT, SERVED), { recursive: true, force: true });
});

test("npm test beside a running app leaves it serving its pages and scripts, and stops everything it started when interrupted", async () => {
  test.setTimeout(15 * 60_000);
  // The running app: a copy of the current build, served from a folder of its own.
  await rm(path.join(ROOT, SERVED), { recursive: true, force: true });
  await cp(path.join(ROOT, distDir()), path.join(ROOT, SERVED), {
    recursive: true,
    filter: (src) => path.basename(src) !== "cache",
  });
  const servedBuild = await readFile(path.join(ROOT, SERVED, "BUILD_ID"), "utf8");
  database = await createAppDatabase("beside");
  app = await startApp({ DATABASE_URL: database.url, NEXT_DIST_DIR: SERVED, REDIS_URL: "", ...sharedSecrets() });
  const scripts = [...new Set((await Promise.all(PAGES.map((p) => scriptsOf(app!.url, p)))).flat())];
  expect(scripts.length, "the pages load scripts").toBeGreaterThan(3);
  expect(await statuses(scripts)).toEqual(scripts.map((u) => `200 ${u}`));

  // npm test, made to rebuild as a full run does (its build stamp removed), on an embedded
  // PostgreSQL of its own (no TEST_DATABASE_URL), with none of this Playwright run's settings.
  await rm(path.join(ROOT, distDir(), "source-hash"), { force: true });
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(TEST_DATABASE_URL|E2E_|PLAYWRIGHT_|PW_|TEST_WORKER_INDEX|TEST_PARALLEL_INDEX)/.test(name),
    ),
  ) as NodeJS.ProcessEnv;
  const child = spawn(
    process.execPath, // as package.json runs it
    ["--import", "tsx", "--conditions=react-server", "scripts/test.ts", "--e2e-only", "e2e/security-headers.spec.ts"],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  runner = child;
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  // Until its browser tests' server has started: the build is done, the database seeded. All
  // along, the running app is asked for its page and scripts (a build into the folder it serves
  // would first empty that folder: the same sources give the same file names, so only asking
  // while the build runs would tell).
  let started: Map<number, string> = new Map();
  const failures = new Set<string>();
  await expect
    .poll(
      async () => {
        for (const answer of await statuses([app!.url + "/signin", ...scripts]))
          if (!answer.startsWith("200 ")) failures.add(answer);
        if (child.exitCode !== null) throw new Error(`npm test ended early:\n${output.slice(-3000)}`);
        started = commands(descendants(child.pid!).map((p) => p.pid));
        const all = [...started.values()];
        return all.some((c) => /next start|next-server/.test(c)) && all.some((c) => /postgres -D/.test(c));
      },
      { timeout: 12 * 60_000, intervals: [1000] },
    )
    .toBe(true);
  expect(output).toMatch(/build into \.next-test\b/);
  expect(output).toMatch(/Compiled successfully/); // it did build, beside the running app

  // The running app served its pages and every script they load all along, and still does.
  expect([...failures]).toEqual([]);
  expect(await readFile(path.join(ROOT, SERVED, "BUILD_ID"), "utf8")).toBe(servedBuild);
  for (const page of PAGES) expect((await fetch(app.url + page)).status, page).toBe(200);
  expect(await statuses(scripts)).toEqual(scripts.map((u) => `200 ${u}`));

  // Interrupted, the runner stops every process it started, the database server with them.
  const postgres = [...started.values()].find((c) => /postgres -D/.test(c))!;
  const pgPort = Number(/ -p (\d+)/.exec(postgres)![1]);
  const pgData = / -D (\S+)/.exec(postgres)![1];
  expect(await accepts(pgPort)).toBe(true);
  process.kill(child.pid!, "SIGINT");
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
  expect(code, output.slice(-3000)).toBe(130);
  expect(output).toMatch(/interrupted \(SIGINT\): stopping every server and database/);
  const left = commands(running([...started.keys()]));
  expect([...left.values()], "processes left running").toEqual([]);
  expect(await accepts(pgPort)).toBe(false);
  expect(existsSync(pgData), "the scratch database's data folder").toBe(false);
});
