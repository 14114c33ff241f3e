// Settings sign-in and sessions read from the environment, checked once at start-up so a typo
// stops the app with one sentence instead of quietly weakening it (a SESSION_MAX_AGE_HOURS of
// "8h" used to become NaN, which disabled the absolute session lifetime).
import { SettingError, trustedProxyHops } from "./client-address";

export { SettingError };

type Env = Record<string, string | undefined>;

export const DEFAULT_SESSION_MAX_AGE_HOURS = 8;

export function sessionMaxAgeSeconds(env: Env = process.env): number {
  const raw = env.SESSION_MAX_AGE_HOURS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_SESSION_MAX_AGE_HOURS * 3600;
  const hours = Number(raw);
  // Up to a year: a longer "absolute" lifetime is a typo (minutes or days meant), not a policy.
  if (!Number.isFinite(hours) || hours <= 0 || hours > 8760) {
    throw new SettingError(`SESSION_MAX_AGE_HOURS must be a positive number of hours (such as 8), not “${raw}”.`);
  }
  return Math.round(hours * 3600);
}

/** Every sign-in setting's one-sentence problem, or null when all are usable. */
export function signInSettingsProblem(env: Env = process.env): string | null {
  try {
    sessionMaxAgeSeconds(env);
    trustedProxyHops(env);
    return null;
  } catch (err) {
    if (err instanceof SettingError) return err.message;
    throw err;
  }
}
