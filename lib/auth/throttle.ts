// Sign-in throttling: after 5 failures for one account or one address within 15 minutes, further
// tries are refused until the oldest failure ages out. The store is in memory by default and in
// Redis when REDIS_URL is set, so several app instances count together (see throttle-store.ts).
//
// A try is counted *before* its password is checked and taken back only when it succeeds. Checking
// first and counting after the (slow, by design) password hash would let a burst of parallel
// guesses all pass the check before any failure was recorded; reserving the slot atomically caps
// the guesses in flight at the limit too.
import { randomUUID } from "node:crypto";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export interface ThrottleStore {
  /**
   * Atomically: forget entries older than the window; then, if fewer than `max` remain, add
   * `member` at `now` and return 0, otherwise add nothing and return the milliseconds until one
   * more try would be allowed.
   */
  take(key: string, now: number, member: string, max: number): Promise<number>;
  /** Takes back one entry: the try it stood for succeeded. */
  release(key: string, member: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export class MemoryThrottleStore implements ThrottleStore {
  private entries = new Map<string, Map<string, number>>();
  // Synchronous bodies: no await between reading and writing, so each call is atomic here.
  async take(key: string, now: number, member: string, max: number) {
    const kept = new Map([...(this.entries.get(key) ?? [])].filter(([, t]) => now - t < WINDOW_MS));
    if (kept.size >= max) {
      this.entries.set(key, kept);
      const times = [...kept.values()].sort((x, y) => x - y);
      return times[times.length - max] + WINDOW_MS - now;
    }
    kept.set(member, now);
    this.entries.set(key, kept);
    return 0;
  }
  async release(key: string, member: string) {
    this.entries.get(key)?.delete(member);
  }
  async clear(key: string) {
    this.entries.delete(key);
  }
}

const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;

export type SignInTry = { retryAfterMs: number } | { retryAfterMs: 0; succeeded(): Promise<void> };

export class SignInThrottle {
  private made?: ThrottleStore;
  /** A factory is called on first use, so importing this module (as `next build` does) connects to nothing. */
  constructor(private source: ThrottleStore | (() => ThrottleStore) = new MemoryThrottleStore()) {}

  private get store(): ThrottleStore {
    return (this.made ??= typeof this.source === "function" ? this.source() : this.source);
  }

  /**
   * Counts a try against the account and the address, or refuses it (retryAfterMs > 0). A try
   * that is not reported as succeeded stays counted as a failure.
   */
  async begin(email: string, address: string, now = Date.now()): Promise<SignInTry> {
    const member = `${now}:${randomUUID()}`;
    const [account, addr] = [accountKey(email), addressKey(address)];
    const wait = await this.store.take(account, now, member, MAX_FAILURES);
    if (wait > 0) return { retryAfterMs: wait };
    const addrWait = await this.store.take(addr, now, member, MAX_FAILURES);
    if (addrWait > 0) {
      await this.store.release(account, member);
      return { retryAfterMs: addrWait };
    }
    // A success clears the account's count, not the address's (one address may try many accounts).
    return { retryAfterMs: 0, succeeded: () => Promise.all([this.store.clear(account), this.store.release(addr, member)]).then(() => {}) };
  }
}
