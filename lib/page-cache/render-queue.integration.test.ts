// The page cache's render queue is bounded: when PAGE_RENDER_CONCURRENCY pages are rendering and
// PAGE_RENDER_QUEUE more wait their turn, a further miss is not queued; it is answered at once
// with "render it yourself" (null: Next.js renders the page for that request), so a burst of
// misses for many different pages never piles up requests that wait on each other.
//
// The renders go to a local HTTP server standing in for the app's own port, which holds every
// answer until the test lets go; the public version is read from a real PostgreSQL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-database";

setUpTestDatabase();
let server: http.Server;
let cachedPage: typeof import("./page-cache").cachedPage;
const held: http.ServerResponse[] = [];
let renders = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    renders++;
    held.push(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.PORT = String((server.address() as AddressInfo).port);
  process.env.PAGE_RENDER_CONCURRENCY = "2";
  process.env.PAGE_RENDER_QUEUE = "3";
  ({ cachedPage } = await import("./page-cache"));
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((r) => server.close(r));
});

const ask = (path: string) =>
  cachedPage(
    new NextRequest(`http://127.0.0.1/${path}`, { headers: { accept: "text/html" } }),
    { pathname: new URL(`http://x/${path}`).pathname, nonce: "n0nce", requestId: "test" },
    false,
  );
const page = `<!doctype html><html><body><script nonce="abc">1</script>cached</body></html>`;

describe("the page cache's render queue", () => {
  it("renders 2 at a time, queues 3, and sends every further miss to be rendered directly at once", async () => {
    const settled: (string | null)[] = [];
    const answers = Array.from({ length: 12 }, (_, i) =>
      ask(`events?q=burst${i}`).then((r) => {
        settled.push(r ? "cached" : "direct");
        return r;
      }),
    );
    // The 7 misses past the bound answer "render it yourself" while the others still wait.
    await expect.poll(() => settled.length, { timeout: 5_000 }).toBe(7);
    expect(settled).toEqual(Array(7).fill("direct"));
    expect(renders).toBe(2);

    // Let every render answer: the 2 running and the 3 queued are rendered and kept.
    while (settled.length < 12) {
      for (const res of held.splice(0)) {
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": "script-src 'nonce-abc'",
        });
        res.end(page);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(renders).toBe(5);
    expect(settled.filter((s) => s === "cached")).toHaveLength(5);
    const kept = (await Promise.all(answers)).filter(Boolean);
    expect(kept.map((r) => r!.headers.get("x-page-cache"))).toEqual(Array(5).fill("miss"));
  });
});
