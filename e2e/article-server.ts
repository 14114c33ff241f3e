// A page for the app to capture: served from this machine by the test, since the tests have no
// internet (the test server allows 127.0.0.1 through FETCH_ALLOW_PRIVATE_HOSTS).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "@playwright/test";
import { makeArticlePage } from "../lib/captures/fixtures";

/** Serves an article page holding `quote` for the file's tests; `url()` is its address. */
export function serveArticle(quote: string, path: string) {
  let server: http.Server;
  let url = "";
  test.beforeAll(async () => {
    server = http.createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(makeArticlePage(quote)),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return { url: () => url };
}
