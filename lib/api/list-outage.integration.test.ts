// The list page reads through node-postgres, not Prisma (lib/api/read-query.ts): its connection
// failures must still answer the API's 503 with Retry-After and CORS, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../tooling/embedded-postgres";

let saved: string | undefined;
beforeAll(async () => {
  saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await freePort()}/nothing`;
});
afterAll(() => {
  process.env.DATABASE_URL = saved;
});

describe("GET /api/v1/events while its database is unreachable", () => {
  it.each(["limit=25", "type=arms-transfer&from=2000&include=count&fields=id"])(
    "answers 503 with Retry-After and CORS: %s",
    async (qs) => {
      const { GET } = await import("../../app/api/v1/events/route");
      const res = await GET(new Request(`https://tracker.example/api/v1/events?${qs}`));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/\w{4}/);
    },
  );
});
