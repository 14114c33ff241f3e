// Next.js calls register() once when a server process starts, before it answers requests. We use
// it for what belongs to the running app rather than to a request: checking the settings (a bad
// one stops the app with one sentence), taking each request's client address from its socket
// (lib/auth/sign-in-startup.ts), and the scheduled link check (LINK_CHECK_INTERVAL_HOURS, off by
// default; each instance starts its own timer, and the advisory lock in lib/links/lock.ts lets only
// one of them check at a time).
export async function register() {
  // Only in the Node.js server (the Edge runtime has no sockets for PostgreSQL), and never while
  // `next build` loads the app to prerender: a build must not start timers or need a database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  (await import("./lib/startup-checks")).stopOnBadSettings();
  (await import("./lib/auth/sign-in-startup")).prepareSignIn();
  if (process.env.LINK_CHECK_INTERVAL_HOURS) {
    try {
      const { startLinkCheckSchedule } = await import("./lib/links/schedule");
      startLinkCheckSchedule();
    } catch (err) {
      // A background job must never stop the app from serving pages.
      console.error(JSON.stringify({ level: 50, msg: "link check schedule not started", err: (err as Error).message }));
    }
  }
}
