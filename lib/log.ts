// The app's one logger: JSON lines on stdout (pino), so a log collector can parse every line and
// several instances' logs can be merged by time, host and pid. Request-scoped lines (with the
// request id and the user) come from lib/request-log.ts; this module has no Next.js imports so
// scripts and tests can use it too.
import pino from "pino";

// Field names that may hold a credential anywhere in a logged object. pino's redaction runs on
// every line, so a careless `log.info({ body })` still never prints a password or a cookie; the
// rule remains to log chosen fields only, never a raw FormData, request or headers object.
const SECRET_FIELDS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "sessionToken",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "clientSecret",
  "AUTH_SECRET",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  "authorization",
  "cookie",
  "set-cookie",
];

export const REDACTED = "[redacted]";

export const redactPaths = [
  ...SECRET_FIELDS.map((f) => (f.includes("-") ? `["${f}"]` : f)),
  ...SECRET_FIELDS.map((f) => (f.includes("-") ? `*["${f}"]` : `*.${f}`)),
  ...SECRET_FIELDS.map((f) => (f.includes("-") ? `*.*["${f}"]` : `*.*.${f}`)),
];

export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL ?? "info") {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: REDACTED },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export const logger = createLogger();
export type Logger = pino.Logger;
