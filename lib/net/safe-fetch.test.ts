import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, isPublicAddress, safeFetch } from "./safe-fetch";

let server: http.Server;
let base: string;
const LOCAL = { allowPrivateHosts: ["127.0.0.1"] };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/page") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>Hello</p>");
    if (path.startsWith("/hop/")) {
      const n = Number(path.slice(5));
      return res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/page" }).end();
    }
    if (path === "/to-private") return res.writeHead(301, { location: "http://10.1.2.3/secret" }).end();
    if (path === "/to-localhost") return res.writeHead(307, { location: "http://localhost:1/" }).end();
    if (path === "/to-link-local")
      return res.writeHead(308, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (path === "/big") {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === "/bomb") {
      return res
        .writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" })
        .end(zlib.gzipSync(Buffer.alloc(2 * 1024 * 1024, "z")));
    }
    if (path === "/hang") return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const failure = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e) => (e instanceof FetchError ? e.failure : String(e)),
  );

describe("safeFetch", () => {
  it("classifies addresses: only public unicast ones pass", () => {
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fc00::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:8.8.8.8"])
      expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses loopback, private and link-local addresses unless the host is allowed by name", async () => {
    expect(await failure(safeFetch(`${base}/page`, { allowPrivateHosts: [] }))).toBe("blocked_address");
    expect(await failure(safeFetch("http://10.0.0.7/", { allowPrivateHosts: [] }))).toBe("blocked_address");
    expect(await failure(safeFetch("http://169.254.169.254/latest/meta-data/", { allowPrivateHosts: [] }))).toBe(
      "blocked_address",
    );
    expect(await failure(safeFetch("http://[::1]/", { allowPrivateHosts: [] }))).toBe("blocked_address");
    expect(await failure(safeFetch("http://localhost/", { allowPrivateHosts: [] }))).toBe("blocked_address");
    const ok = await safeFetch(`${base}/page`, LOCAL);
    expect([ok.status, ok.contentType, ok.charset, ok.body.toString()]).toEqual([
      200,
      "text/html",
      "utf-8",
      "<p>Hello</p>",
    ]);
  });

  it("checks every redirect's target again", async () => {
    expect(await failure(safeFetch(`${base}/to-private`, LOCAL))).toBe("blocked_address");
    expect(await failure(safeFetch(`${base}/to-localhost`, LOCAL))).toBe("blocked_address");
    expect(await failure(safeFetch(`${base}/to-link-local`, LOCAL))).toBe("blocked_address");
  });

  it("follows at most 5 redirects and records them", async () => {
    const r = await safeFetch(`${base}/hop/4`, LOCAL);
    expect(r.redirects).toHaveLength(5);
    expect(r.finalUrl).toBe(`${base}/page`);
    expect(await failure(safeFetch(`${base}/hop/5`, LOCAL))).toBe("too_many_redirects");
  });

  it("refuses other schemes", async () => {
    for (const u of ["file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)", "not a url"])
      expect(await failure(safeFetch(u, LOCAL))).toBe("bad_url");
  });

  it("cuts off a body over the cap, compressed or not", async () => {
    expect(await failure(safeFetch(`${base}/big`, { ...LOCAL, maxBytes: 1024 * 1024 }))).toBe("too_large");
    expect(await failure(safeFetch(`${base}/bomb`, { ...LOCAL, maxBytes: 1024 * 1024 }))).toBe("too_large");
    expect((await safeFetch(`${base}/big`, { ...LOCAL, maxBytes: 8 * 1024 * 1024 })).body.length).toBe(4 * 1024 * 1024);
  });

  it("gives up on a server that never answers", async () => {
    const started = Date.now();
    expect(await failure(safeFetch(`${base}/hang`, { ...LOCAL, timeoutMs: 300 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("names a refused connection", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await failure(safeFetch(`http://127.0.0.1:${port}/`, LOCAL))).toBe("refused");
  });
});
