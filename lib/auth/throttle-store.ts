// Which store counts sign-in failures: memory (one instance) unless REDIS_URL is set.
//
// When Redis is unreachable, sign-in must keep working and stay throttled, so each operation
// falls back to this instance's memory store and a warning is logged once per outage. An
// attacker then gets 5 tries per instance instead of 5 in all, for as long as Redis is down;
// refusing every sign-in instead would let a Redis outage lock every editor out.
import { logger } from "../log";
import { DEFAULT_KEY_PREFIX, RedisThrottleStore } from "./redis-throttle-store";
import { MemoryThrottleStore, type ThrottleStore } from "./throttle";

export class FallbackThrottleStore implements ThrottleStore {
  private down = false;

  constructor(
    private primary: ThrottleStore,
    private fallback: ThrottleStore = new MemoryThrottleStore(),
    private log = logger,
  ) {}

  private async use<T>(op: (store: ThrottleStore) => Promise<T>): Promise<T> {
    try {
      const result = await op(this.primary);
      if (this.down) this.log.info("sign-in throttling store reachable again; counting in it");
      this.down = false;
      return result;
    } catch (err) {
      if (!this.down)
        this.log.warn(
          { err: (err as Error).message },
          "sign-in throttling store unreachable; counting failures in this instance's memory until it is back",
        );
      this.down = true;
      return op(this.fallback);
    }
  }

  take(key: string, now: number, member: string, max: number) {
    return this.use((s) => s.take(key, now, member, max));
  }
  release(key: string, member: string) {
    return this.use((s) => s.release(key, member));
  }
  clear(key: string) {
    // Clear both: failures counted in memory during an outage must not outlive a success.
    return this.use(async (s) => {
      await Promise.all([s.clear(key), s === this.fallback ? undefined : this.fallback.clear(key)]);
    });
  }
}

export function createThrottleStore(env: Record<string, string | undefined> = process.env): ThrottleStore {
  if (!env.REDIS_URL) return new MemoryThrottleStore();
  const redis = RedisThrottleStore.fromUrl(env.REDIS_URL, env.THROTTLE_KEY_PREFIX || DEFAULT_KEY_PREFIX);
  // Without a listener ioredis prints every failed reconnect to the console; the fallback logs once.
  redis.redis.on("error", () => {});
  return new FallbackThrottleStore(redis);
}
