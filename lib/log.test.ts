import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "./log";

function capture() {
  const lines: string[] = [];
  const log = createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }), "info");
  return { log, lines };
}

describe("logger", () => {
  it("writes one JSON object per line with an ISO time and a level name", () => {
    const { log, lines } = capture();
    log.info({ userId: 7 }, "saved");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: "info",
      userId: 7,
      msg: "saved",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it("censors credentials at the top level and two levels down, whatever the caller passed", () => {
    const { log, lines } = capture();
    log.warn(
      {
        password: "hunter2-top",
        user: { password: "hunter2-nested", passwordHash: "$argon2id$x", name: "Ed" },
        request: { headers: { cookie: "authjs.session-token=abc", authorization: "Bearer xyz", "set-cookie": "s=1" } },
        env: { AUTH_SECRET: "s3cret", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "k3y" },
        account: { accessToken: "at", refreshToken: "rt", clientSecret: "cs" },
      },
      "careless",
    );
    const text = lines.join("");
    for (const secret of ["hunter2", "$argon2id", "abc", "xyz", "s=1", "s3cret", "k3y", '"at"', '"rt"', '"cs"'])
      expect(text).not.toContain(secret);
    const line = JSON.parse(text);
    expect(line.user).toEqual({ password: REDACTED, passwordHash: REDACTED, name: "Ed" });
    expect(line.request.headers.cookie).toBe(REDACTED);
  });
});
