// One outage drill, shared by `npm run chaos` and e2e/outage.spec.ts: start the app, load it,
// stop PostgreSQL, start it again, and measure. Hooks let a test look at the app during the
// outage and after recovery with its own eyes (a browser) as well.
import { startChaosStack, EDITOR, type ChaosStack } from "./chaos-stack";
import { checkIntegrity, outageFigures, type IntegrityFigures, type OutageFigures } from "./chaos-checks";
import { SteadyLoad } from "./chaos-load";
import { serverActionId, signInEditor } from "./editor-client";

export const TARGET_MS = 5000;

export interface DrillOptions {
  outageSeconds: number;
  beforeSeconds: number;
  afterSeconds: number;
  readers: number;
  editors: number;
  log?: (line: string) => void;
  /** Show the app's own output (its JSON log lines), hidden by default. */
  verbose?: boolean;
  beforeOutage?: (stack: ChaosStack) => Promise<void>;
  duringOutage?: (stack: ChaosStack) => Promise<void>;
  afterRecovery?: (stack: ChaosStack) => Promise<void>;
}

export interface DrillResult {
  pidBefore: number;
  pidAfter: number | null;
  processAlive: boolean;
  outage: OutageFigures;
  integrity: IntegrityFigures;
  report: string[];
  missed: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthPid(appUrl: string): Promise<number | null> {
  try {
    const r = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
    return r.ok ? ((await r.json()) as { pid: number }).pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Polls a page that needs the database every 100 ms: the time to its first 200 is the recovery.
async function timeToFirstNormalAnswer(appUrl: string, since: number, limitMs = 30_000): Promise<number | null> {
  while (performance.now() - since < limitMs) {
    try {
      const r = await fetch(`${appUrl}/events`, { signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      if (r.status === 200) return performance.now() - since;
    } catch {
      // keep trying
    }
    await sleep(100);
  }
  return null;
}

export async function runDrill(o: DrillOptions): Promise<DrillResult> {
  const log = o.log ?? (() => {});
  log("Starting PostgreSQL (scratch), migrating, seeding, starting the app…");
  const stack = await startChaosStack({ quiet: !o.verbose });
  try {
    const pidBefore = (await healthPid(stack.appUrl)) ?? stack.appPid;
    const actionId = await serverActionId("saveEventAction");
    const load = new SteadyLoad(stack.appUrl);
    for (let i = 0; i < o.readers; i++) load.startReader(i);
    for (let i = 0; i < o.editors; i++)
      load.startEditor(await signInEditor(stack.appUrl, EDITOR.email, EDITOR.password), actionId, `e${i + 1}`);
    log(
      `App ${stack.appUrl} (pid ${pidBefore}); ${o.readers} readers and ${o.editors} editors for ${o.beforeSeconds} s before the outage…`,
    );
    const loadStarted = performance.now();
    await o.beforeOutage?.(stack);
    await sleep(Math.max(0, loadStarted + o.beforeSeconds * 1000 - performance.now()));

    log(`Stopping PostgreSQL for ${o.outageSeconds} s (fast shutdown)…`);
    const stopAsked = performance.now();
    await stack.stopDatabase();
    const outageStart = performance.now(); // PostgreSQL has exited: it is down from here
    await o.duringOutage?.(stack);
    await sleep(Math.max(0, outageStart + o.outageSeconds * 1000 - performance.now()));
    log("Starting PostgreSQL again on the same data…");
    await stack.startDatabase();
    const databaseBack = performance.now();
    const recoveryMs = await timeToFirstNormalAnswer(stack.appUrl, databaseBack);
    await o.afterRecovery?.(stack);
    await sleep(Math.max(0, databaseBack + o.afterSeconds * 1000 - performance.now()));
    await load.stop();

    const pidAfter = await healthPid(stack.appUrl);
    const outage = outageFigures(load.samples, stopAsked, outageStart, databaseBack, recoveryMs);
    const integrity = await checkIntegrity(stack.databaseUrl, load.acknowledged);
    const processAlive = alive(stack.appPid);

    const missed: string[] = [];
    if (!processAlive || pidAfter !== pidBefore)
      missed.push(`the app process did not survive (pid ${pidBefore} before, ${pidAfter ?? "no answer"} after)`);
    const unclear = Object.entries(outage.duringByStatus).filter(([s]) => s !== "503" && !/^2/.test(s));
    if (unclear.length)
      missed.push(
        `answers during the outage other than 503 or 2xx: ${unclear.map(([s, n]) => `${n}× ${s === "0" ? "no answer" : s}`).join(", ")}`,
      );
    if (outage.slowestDuringMs > TARGET_MS)
      missed.push(
        `slowest answer during the outage took ${Math.round(outage.slowestDuringMs)} ms (target ≤ ${TARGET_MS})`,
      );
    if (outage.recoveryMs === null || outage.recoveryMs > TARGET_MS)
      missed.push(
        `first normal answer ${outage.recoveryMs === null ? "never came" : `came ${Math.round(outage.recoveryMs)} ms`} after the database was back (target ≤ ${TARGET_MS})`,
      );
    if (outage.errorsOutside) missed.push(`${outage.errorsOutside} failed answers outside the outage`);
    if (integrity.lost.length)
      missed.push(`${integrity.lost.length} acknowledged saves lost: ${integrity.lost.slice(0, 5).join(", ")}`);
    if (integrity.halfWritten.length)
      missed.push(
        `${integrity.halfWritten.length} half-written events: ${integrity.halfWritten.slice(0, 5).join(", ")}`,
      );
    if (outage.duringCount === 0) missed.push("no request was made during the outage, so nothing was measured");

    const counts = (c: Record<string, number>) =>
      Object.entries(c)
        .map(([s, n]) => `${s === "0" ? "no answer" : s}: ${n}`)
        .join(", ") || "none";
    const status = counts(outage.duringByStatus);
    const recoveringUnclear = Object.entries(outage.recoveringByStatus).filter(([s]) => s !== "503" && !/^2/.test(s));
    if (recoveringUnclear.length)
      missed.push(`answers while recovering other than 503 or 2xx: ${counts(Object.fromEntries(recoveringUnclear))}`);
    const report = [
      `Database outage drill: PostgreSQL stopped for ${o.outageSeconds} s under ${o.readers} readers and ${o.editors} editors`,
      `  app process           pid ${pidBefore} before, ${pidAfter ?? "no answer"} after (${processAlive ? "alive" : "gone"})`,
      `  during the outage     ${outage.duringCount} answers — ${status}; ${outage.clear503} were the app's 503 with Retry-After`,
      `  slowest during it     ${Math.round(outage.slowestDuringMs)} ms (${outage.slowestDuringPath}; target ≤ ${TARGET_MS} ms)`,
      `  in flight at the stop ${counts(outage.inFlightByStatus)} (requests running or made while PostgreSQL shut down, ${Math.round(outageStart - stopAsked)} ms; a cut-off page query shows the error page)`,
      `  recovery              first normal answer ${outage.recoveryMs === null ? "never" : `${Math.round(outage.recoveryMs)} ms`} after PostgreSQL accepted connections again (target ≤ ${TARGET_MS} ms)`,
      `  while recovering      ${counts(outage.recoveringByStatus)}`,
      `  outside the outage    ${outage.errorsOutside} failed of ${outage.total} answers in all`,
      `  writes                ${integrity.acknowledged} saves acknowledged, ${integrity.found} found, ${integrity.lost.length} lost; ${load.unknown.length} without a clear answer`,
      ...[...new Set(load.unknown.map((u) => u.answer))].map((a) => `      unclear answer: ${a}`),
      `  half-written events   ${integrity.halfWritten.length} of ${integrity.events} (revision, sources and actors checked against each event)`,
    ];
    return { pidBefore, pidAfter, processAlive, outage, integrity, report, missed };
  } finally {
    await stack.stop();
  }
}
