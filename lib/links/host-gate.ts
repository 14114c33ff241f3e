// Politeness towards the sites we cite: at most `perHost` requests at a time to one host, and a
// pause after each request before that slot is used again. A link check walks hundreds of
// addresses on a few news sites; without this it would look like (and be) a burst against them.
// One gate can be shared by several runs in a process (the schedule and an editor's button), so
// the limit holds per host across them.
import pLimit, { type LimitFunction } from "p-limit";

export const DEFAULT_PER_HOST = 2;
export const DEFAULT_HOST_PAUSE_MS = 1000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HostGate {
  private readonly hosts = new Map<string, { limit: LimitFunction; users: number }>();

  constructor(
    readonly perHost = DEFAULT_PER_HOST,
    readonly pauseMs = DEFAULT_HOST_PAUSE_MS,
  ) {
    if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError("perHost must be a whole number of at least 1");
    if (!Number.isFinite(pauseMs) || pauseMs < 0) throw new RangeError("pauseMs must be zero or more");
  }

  /** The pause between two requests to one host, for a task that sends more than one (HEAD then GET). */
  pause(): Promise<void> {
    return this.pauseMs > 0 ? sleep(this.pauseMs) : Promise.resolve();
  }

  /**
   * Runs `task` in one of the host's slots. The slot is held for the pause after the task, unless
   * `skipPause()` says nothing will follow (a run past its deadline should not linger).
   */
  async run<T>(host: string, task: () => Promise<T>, skipPause: () => boolean = () => false): Promise<T> {
    const key = host.toLowerCase();
    let entry = this.hosts.get(key);
    if (!entry) {
      entry = { limit: pLimit(this.perHost), users: 0 };
      this.hosts.set(key, entry);
    }
    entry.users++;
    try {
      return await entry.limit(async () => {
        try {
          return await task();
        } finally {
          if (!skipPause()) await this.pause();
        }
      });
    } finally {
      // Forget idle hosts, so a long-lived shared gate does not grow with every host ever cited.
      if (--entry.users === 0) this.hosts.delete(key);
    }
  }
}

const globalForGate = globalThis as unknown as { linkCheckHostGate?: HostGate };

/** The process's gate, for the schedule and the editors' checks, so together they stay within the limit. */
export function sharedHostGate(): HostGate {
  return (globalForGate.linkCheckHostGate ??= new HostGate());
}
