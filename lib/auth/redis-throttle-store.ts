// Sign-in tries in Redis, so every app instance behind a load balancer counts the same failures.
// One sorted set per key (member = one try, score = its time); entries older than the window are
// dropped on each try and the whole key expires one window after its last try.
import { Redis, type RedisOptions } from "ioredis";
import { WINDOW_MS, type ThrottleStore } from "./throttle";

export const DEFAULT_KEY_PREFIX = "tracker:throttle:";

// Prune, count, and add when under the limit, in one script: Redis runs it atomically, so tries
// arriving at the same moment on several instances are each counted once and never more than
// `max` get through. Returns 0 (taken) or the milliseconds until the oldest counted try that
// blocks this one leaves the window.
const TAKE_SCRIPT = `
local now, window, max = tonumber(ARGV[1]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
if n >= max then
  local blocking = redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')
  return tonumber(blocking[2]) + window - now
end
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], window)
return 0`;

/**
 * Short timeouts and no offline queue: when Redis is unreachable a command fails within about
 * half a second instead of queueing, so sign-in never hangs on it (see FallbackThrottleStore).
 * The client keeps reconnecting in the background.
 */
export const REDIS_OPTIONS: RedisOptions = {
  connectTimeout: 1000,
  commandTimeout: 500,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
  lazyConnect: true,
  retryStrategy: (times) => Math.min(times * 200, 2000),
};

export class RedisThrottleStore implements ThrottleStore {
  private connecting: Promise<void> | null = null;

  constructor(
    readonly redis: Redis,
    private prefix = DEFAULT_KEY_PREFIX,
    private windowMs = WINDOW_MS,
  ) {
    redis.defineCommand("throttleTake", { numberOfKeys: 1, lua: TAKE_SCRIPT });
  }

  static fromUrl(url: string, prefix = DEFAULT_KEY_PREFIX) {
    return new RedisThrottleStore(new Redis(url, REDIS_OPTIONS), prefix);
  }

  /** Waits for the first connection (bounded by connectTimeout); after that, never waits. */
  private async usable() {
    if (this.redis.status === "ready") return;
    if (this.redis.status === "wait") this.connecting ??= this.redis.connect().finally(() => (this.connecting = null));
    if (this.connecting) await this.connecting;
    if ((this.redis.status as string) !== "ready") throw new Error(`Redis is not connected (${this.redis.status})`);
  }

  async take(key: string, now: number, member: string, max: number) {
    await this.usable();
    const script = this.redis as Redis & {
      throttleTake(key: string, now: number, member: string, window: number, max: number): Promise<number>;
    };
    return Number(await script.throttleTake(this.prefix + key, now, member, this.windowMs, max));
  }

  async release(key: string, member: string) {
    await this.usable();
    await this.redis.zrem(this.prefix + key, member);
  }

  /** Counted tries still inside the window (for tests and inspection). */
  async count(key: string, now: number) {
    await this.usable();
    return this.redis.zcount(this.prefix + key, `(${now - this.windowMs}`, "+inf");
  }

  async clear(key: string) {
    await this.usable();
    await this.redis.del(this.prefix + key);
  }

  async close() {
    this.redis.disconnect();
  }
}
