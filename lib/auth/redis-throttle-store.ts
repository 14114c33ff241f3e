// Sign-in failures in Redis, so every app instance behind a load balancer counts the same
// failures. One sorted set per key (score = time of the failure); entries older than the window
// are dropped on each write and the whole key expires one window after its last failure.
import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { WINDOW_MS, type ThrottleStore } from "./throttle";

export const DEFAULT_KEY_PREFIX = "tracker:throttle:";

// Prune, add and set the expiry in one script: Redis runs it atomically, so failures arriving at
// the same moment on several instances are each counted once, none lost to a read-modify-write.
const ADD_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZCARD', KEYS[1])`;

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
    redis.defineCommand("throttleAdd", { numberOfKeys: 1, lua: ADD_SCRIPT });
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

  async recent(key: string, now: number) {
    await this.usable();
    const scores = await this.redis.zrangebyscore(this.prefix + key, `(${now - this.windowMs}`, "+inf", "WITHSCORES");
    return scores.filter((_, i) => i % 2 === 1).map(Number);
  }

  async add(key: string, now: number) {
    await this.usable();
    // The member must be unique: two failures in the same millisecond are two failures.
    await (this.redis as Redis & { throttleAdd(k: string, now: number, member: string, window: number): Promise<number> })
      .throttleAdd(this.prefix + key, now, `${now}:${randomUUID()}`, this.windowMs);
  }

  async clear(key: string) {
    await this.usable();
    await this.redis.del(this.prefix + key);
  }

  async close() {
    this.redis.disconnect();
  }
}
