// What "refused with a human-readable message" means in the fuzz suites: a short sentence a
// person can act on, never a validator's internals, a serialised error or a stack trace.
import { expect } from "vitest";

const MACHINE_TALK = [
  /\bat .+:\d+:\d+/, // a stack frame
  /ZodError|"code"\s*:|"path"\s*:|\[object Object\]|undefined|NaN/,
  /expected \w+, received/, // zod's default wording
  /[<>]=\s*\d/, // "expected string to have >=3 characters"
  /^\s*[[{]/, // a JSON dump
  /Prisma|PrismaClient|invalid byte sequence|violates|constraint|SQLSTATE|syntax error/i,
];

export function isHumanMessage(message: unknown): message is string {
  if (typeof message !== "string" || !message.trim() || message.length > 400) return false;
  // What the caller typed may be quoted back (“…”); only the app's own words are judged.
  const own = message.replace(/“[^]*”/g, "“…”");
  return !MACHINE_TALK.some((re) => re.test(own));
}

/** Asserts a message a person can read; the value is shown when it is not. */
export function expectHumanMessage(message: unknown, context?: unknown) {
  expect(
    isHumanMessage(message),
    `not a human-readable message: ${JSON.stringify(message)}${context === undefined ? "" : ` for ${describeInput(context)}`}`,
  ).toBe(true);
}

/** Field errors: at least one field, each with at least one readable message. */
export function expectFieldErrors(fieldErrors: Record<string, string[]> | undefined, context?: unknown) {
  expect(fieldErrors && Object.keys(fieldErrors).length, `no field errors for ${describeInput(context)}`).toBeTruthy();
  for (const messages of Object.values(fieldErrors!)) {
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expectHumanMessage(m, context);
  }
}

export function describeInput(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
    return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
}
