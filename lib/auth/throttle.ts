// Sign-in throttling: after 5 failures for one account or one address within 15 minutes, further
// tries are refused until the oldest failure ages out. The store is in memory by default and in
// Redis when REDIS_URL is set, so several app instances count together (see throttle-store.ts).
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export interface ThrottleStore {
  /** Failure timestamps for `key` still inside the window. */
  recent(key: string, now: number): Promise<number[]>;
  add(key: string, now: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export class MemoryThrottleStore implements ThrottleStore {
  private failures = new Map<string, number[]>();
  async recent(key: string, now: number) {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
  async add(key: string, now: number) {
    this.failures.set(key, [...(await this.recent(key, now)), now]);
  }
  async clear(key: string) {
    this.failures.delete(key);
  }
}

const keys = (email: string, address: string) => [`email:${email.trim().toLowerCase()}`, `addr:${address}`];

export class SignInThrottle {
  private made?: ThrottleStore;
  /** A factory is called on first use, so importing this module (as `next build` does) connects to nothing. */
  constructor(private source: ThrottleStore | (() => ThrottleStore) = new MemoryThrottleStore()) {}

  private get store(): ThrottleStore {
    return (this.made ??= typeof this.source === "function" ? this.source() : this.source);
  }

  /** Milliseconds until another try is allowed; 0 when allowed now. */
  async retryAfter(email: string, address: string, now = Date.now()): Promise<number> {
    let wait = 0;
    for (const key of keys(email, address)) {
      const recent = await this.store.recent(key, now);
      if (recent.length >= MAX_FAILURES) wait = Math.max(wait, recent[recent.length - MAX_FAILURES] + WINDOW_MS - now);
    }
    return wait;
  }

  async fail(email: string, address: string, now = Date.now()) {
    for (const key of keys(email, address)) await this.store.add(key, now);
  }

  /** A success clears the account's count, not the address's (one address may try many accounts). */
  async succeed(email: string) {
    await this.store.clear(keys(email, "")[0]);
  }
}
