// Next.js calls register() once when a server process starts, before it answers requests. We use
// it to start work that belongs to the running app rather than to a request: the scheduled link
// check (LINK_CHECK_INTERVAL_HOURS, off by default). Each instance starts its own timer; the
// advisory lock in lib/links/lock.ts lets only one of them check at a time.
export async function register() {
  // A malformed PUBLIC_URL stops the server before it answers anything (lib/startup-checks.ts).
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { stopOnBadSettings } = await import("./lib/startup-checks");
    stopOnBadSettings();
  }
  // Sign-in's settings checked (a bad one stops the app) and each request's client address taken
  // from its socket (lib/auth/sign-in-startup.ts).
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") (await import("./lib/auth/sign-in-startup")).prepareSignIn();
  // Only in the Node.js server (the Edge runtime has no sockets for PostgreSQL), and never while
  // `next build` loads the app to prerender: a build must not start timers or need a database.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build" && process.env.LINK_CHECK_INTERVAL_HOURS) {
    try {
      const { startLinkCheckSchedule } = await import("./lib/links/schedule");
      startLinkCheckSchedule();
    } catch (err) {
      // A background job must never stop the app from serving pages.
      console.error(JSON.stringify({ level: 50, msg: "link check schedule not started", err: (err as Error).message }));
    }
  }
}
