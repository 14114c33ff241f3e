// Sign-in throttling, after OWASP's "device cookies": an outsider guessing at an account must not
// be able to lock out its owner.
//
// - A try from a device that signed in to the account before (a valid device cookie, see
//   sign-in-device.ts) counts only against that device: 5 failures within 15 minutes lock that
//   device out of that account, nothing else. Failures from elsewhere never lock it out.
// - Any other try counts against the account *for unrecognised devices* and against the address:
//   5 failures within 15 minutes for either refuse further tries of that kind until the oldest
//   failure ages out. So an attacker gets 5 guesses per account and per address per 15 minutes,
//   while the account's owner still signs in from a device they have used.
//
// The store is in memory by default and in Redis when REDIS_URL is set, so several app instances
// count together (see throttle-store.ts).
//
// A try is counted *before* its password is checked and taken back only when it succeeds (or
// when the password was never checked, because the database could not be reached). Checking
// first and counting after the (slow, by design) password hash would let a burst of parallel
// guesses all pass the check before any failure was recorded; reserving the slot atomically caps
// the guesses in flight at the limit too.
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
/** Keys the memory store holds at most: about 40 MB of heap when full (measured), whatever an attacker sends. */
export const MEMORY_MAX_KEYS = 100_000;
const SWEEP_EVERY_MS = 60_000;

export interface ThrottleStore {
  /**
   * Atomically: forget entries older than the window; then, if fewer than `max` remain, add
   * `member` at `now` and return 0, otherwise add nothing and return the milliseconds until one
   * more try would be allowed.
   */
  take(key: string, now: number, member: string, max: number): Promise<number>;
  /** Takes back one entry: the try it stood for succeeded, or never reached the password check. */
  release(key: string, member: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/**
 * One instance's counts. Bounded: a key is dropped once its last try is older than the window
 * (swept at most once a minute) or when it empties, and past `maxKeys` the key tried least
 * recently is forgotten first, so memory stays flat however many addresses or emails are sent.
 */
export class MemoryThrottleStore implements ThrottleStore {
  // Map order is least recently tried first: every take moves its key to the end.
  private entries = new Map<string, Map<string, number>>();
  private lastSweep = 0;

  constructor(private maxKeys = MEMORY_MAX_KEYS) {}

  get size() {
    return this.entries.size;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, tries] of this.entries) {
      if (![...tries.values()].some((t) => now - t < WINDOW_MS)) this.entries.delete(key);
    }
  }

  // Synchronous bodies: no await between reading and writing, so each call is atomic here.
  async take(key: string, now: number, member: string, max: number) {
    this.sweep(now);
    const kept = new Map([...(this.entries.get(key) ?? [])].filter(([, t]) => now - t < WINDOW_MS));
    this.entries.delete(key);
    if (kept.size >= max) {
      this.entries.set(key, kept);
      const times = [...kept.values()].sort((x, y) => x - y);
      return times[times.length - max] + WINDOW_MS - now;
    }
    kept.set(member, now);
    this.entries.set(key, kept);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(oldest);
    }
    return 0;
  }
  async release(key: string, member: string) {
    const tries = this.entries.get(key);
    tries?.delete(member);
    if (tries?.size === 0) this.entries.delete(key);
  }
  async clear(key: string) {
    this.entries.delete(key);
  }
}

const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const deviceKey = (device: string) => `device:${device}`;

/** One IPv6 subscriber usually holds a whole /64, so it counts as one address. */
export function addressKey(address: string): string {
  if (isIP(address) !== 6 || address.includes(".")) return `addr:${address}`;
  const [head, tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `addr:${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export type RefusedBy = "account" | "address" | "device";

export type SignInTry =
  | { retryAfterMs: number; refusedBy: RefusedBy }
  | { retryAfterMs: 0; succeeded(): Promise<void>; giveBack(): Promise<void> };

export class SignInThrottle {
  private made?: ThrottleStore;
  /** A factory is called on first use, so importing this module (as `next build` does) connects to nothing. */
  constructor(private source: ThrottleStore | (() => ThrottleStore) = new MemoryThrottleStore()) {}

  private get store(): ThrottleStore {
    return (this.made ??= typeof this.source === "function" ? this.source() : this.source);
  }

  /**
   * Counts a try, or refuses it (retryAfterMs > 0, and which limit refused it). `device` is the
   * id of a device recognised for this account (see sign-in-device.ts), or null. A try that is
   * neither reported as succeeded nor given back stays counted as a failure.
   */
  async begin(email: string, address: string, now = Date.now(), device: string | null = null): Promise<SignInTry> {
    const member = `${now}:${randomUUID()}`;
    if (device) {
      const key = deviceKey(device);
      const wait = await this.store.take(key, now, member, MAX_FAILURES);
      if (wait > 0) return { retryAfterMs: wait, refusedBy: "device" };
      return {
        retryAfterMs: 0,
        succeeded: () => this.store.clear(key),
        giveBack: () => this.store.release(key, member),
      };
    }
    const [account, addr] = [accountKey(email), addressKey(address)];
    const wait = await this.store.take(account, now, member, MAX_FAILURES);
    if (wait > 0) return { retryAfterMs: wait, refusedBy: "account" };
    const addrWait = await this.store.take(addr, now, member, MAX_FAILURES);
    if (addrWait > 0) {
      await this.store.release(account, member);
      return { retryAfterMs: addrWait, refusedBy: "address" };
    }
    const giveBack = () =>
      Promise.all([this.store.release(account, member), this.store.release(addr, member)]).then(() => {});
    // A success clears the account's count, not the address's (one address may try many accounts).
    return {
      retryAfterMs: 0,
      succeeded: () => Promise.all([this.store.clear(account), this.store.release(addr, member)]).then(() => {}),
      giveBack,
    };
  }
}
