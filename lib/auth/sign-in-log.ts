// What a refused sign-in logs about the email: never the text itself. People type their password
// into the email box, so the typed text goes to the log only as a keyed hash: the same text gives
// the same hash (so an operator can see one account being guessed at), and without AUTH_SECRET the
// hash cannot be checked against a list of likely passwords.
import { createHmac, randomBytes } from "node:crypto";

// Without AUTH_SECRET (tests, scripts) a key of this process's own: hashes still match each other.
const fallbackKey = randomBytes(32);

export function emailHash(typed: string, secret: string | undefined = process.env.AUTH_SECRET): string {
  const key = secret ? createHmac("sha256", secret).update("tracker sign-in log email hash v1").digest() : fallbackKey;
  return createHmac("sha256", key).update(typed.trim().toLowerCase()).digest("hex").slice(0, 16);
}
