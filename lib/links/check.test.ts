// The link checker against a local server playing the cited sites: what each kind of answer
// becomes, when GET replaces HEAD, the per-host limit, and the run's bounds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrls, classifyAnswer, LINK_CHECK_USER_AGENT, type LinkCheckOptions } from "./check";
import { closedPort, startLocalLinkServer, type LocalLinkServer } from "./local-link-server";

let server: LocalLinkServer;
let base: string;
// Both names resolve to the loopback; the checker refuses that unless the host is allowed by name.
const LOCAL: LinkCheckOptions = { allowPrivateHosts: ["127.0.0.1", "localhost"], hostPauseMs: 0, timeoutMs: 2000 };

beforeAll(async () => {
  server = await startLocalLinkServer(["127.0.0.1", "localhost"]);
  base = server.base("127.0.0.1");
});
afterAll(() => server.close());

const checkOne = async (url: string, options: LinkCheckOptions = {}) => {
  const run = await checkUrls([url], { ...LOCAL, ...options });
  expect(run.results).toHaveLength(1);
  return run.results[0];
};
const requestsFor = (path: string) => server.requests.filter((r) => r.path === path).map((r) => r.method);

describe("checkUrls: one outcome per answer", () => {
  it("200 is ok, asked with HEAD only, under the tracker's own User-Agent", async () => {
    const r = await checkOne(`${base}/ok`);
    expect(r).toMatchObject({ status: "ok", httpStatus: 200, redirectedTo: null, method: "HEAD" });
    expect(requestsFor("/ok").length).toBeGreaterThan(0);
    expect(server.requests.find((q) => q.path === "/ok")?.userAgent).toBe(LINK_CHECK_USER_AGENT);
    expect(LINK_CHECK_USER_AGENT).toMatch(/SanctionsTracker\/.* \(link check; \+https:/);
  });

  it("301 → 200 is redirected, and records where to", async () => {
    const r = await checkOne(`${base}/moved`);
    expect(r).toMatchObject({ status: "redirected", httpStatus: 200, redirectedTo: `${base}/ok` });
  });

  it("404 and 410 are gone, confirmed with GET", async () => {
    expect(await checkOne(`${base}/missing-page`)).toMatchObject({ status: "gone", httpStatus: 404, method: "GET" });
    expect(await checkOne(`${base}/gone`)).toMatchObject({ status: "gone", httpStatus: 410, method: "GET" });
    expect(requestsFor("/gone")).toEqual(["HEAD", "GET"]);
  });

  it("503 is failing", async () => {
    expect(await checkOne(`${base}/down`)).toMatchObject({
      status: "failing",
      httpStatus: 503,
      detail: expect.stringContaining("503"),
    });
  });

  it("a server that never answers is failing after the timeout, without a second try", async () => {
    const t0 = performance.now();
    const r = await checkOne(`${base}/hang`, { timeoutMs: 300 });
    expect(r).toMatchObject({ status: "failing", httpStatus: null, detail: expect.stringMatching(/too long/) });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(requestsFor("/hang")).toEqual(["HEAD"]);
  });

  it("a refused connection is failing", async () => {
    const r = await checkOne(`http://127.0.0.1:${await closedPort()}/ok`);
    expect(r).toMatchObject({ status: "failing", httpStatus: null, detail: expect.stringMatching(/refused/) });
  });

  it("a loopback address not allowed by name is failing, and never requested", async () => {
    const before = server.requests.length;
    const r = await checkOne(`${base}/ok?never`, { allowPrivateHosts: [] });
    expect(r).toMatchObject({ status: "failing", detail: expect.stringMatching(/private or local network/) });
    expect(server.requests.length).toBe(before);
  });

  it("a HEAD refused with 405 falls back to GET, whose answer decides", async () => {
    const r = await checkOne(`${base}/no-head`);
    expect(r).toMatchObject({ status: "ok", httpStatus: 200, method: "GET" });
    expect(requestsFor("/no-head")).toEqual(["HEAD", "GET"]);
  });

  it("a site refusing the checker (403) answered: not a failure, the code kept for editors", async () => {
    expect(await checkOne(`${base}/forbidden`)).toMatchObject({
      status: "ok",
      httpStatus: 403,
      detail: expect.stringMatching(/403 Forbidden/),
    });
  });

  it("classifies answers that end after redirects by their final code", () => {
    const at = new Date();
    expect(classifyAnswer("u", { status: 404, finalUrl: "v", redirects: ["u"] }, "GET", at)).toMatchObject({
      status: "gone",
      redirectedTo: "v",
    });
    expect(classifyAnswer("u", { status: 502, finalUrl: "u", redirects: [] }, "GET", at)).toMatchObject({
      status: "failing",
    });
    expect(classifyAnswer("u", { status: 408, finalUrl: "u", redirects: [] }, "GET", at)).toMatchObject({
      status: "failing",
    });
    expect(classifyAnswer("u", { status: 204, finalUrl: "u", redirects: [] }, "HEAD", at)).toMatchObject({
      status: "ok",
      detail: null,
    });
  });
});

describe("checkUrls: politeness and bounds", () => {
  it("never has more than 2 requests open on one host, while two hosts proceed in parallel", async () => {
    const s = await startLocalLinkServer(["127.0.0.1", "localhost"]);
    try {
      const urls = ["127.0.0.1", "localhost"].flatMap((h) =>
        Array.from({ length: 12 }, (_, i) => `${s.base(h)}/ok?delay=60&n=${i}`),
      );
      const run = await checkUrls(urls, { ...LOCAL, hostPauseMs: 10, concurrency: 10 });
      expect(run.results.map((r) => r.status)).toEqual(Array(24).fill("ok"));
      expect(s.maxConcurrentByHost.get("127.0.0.1")).toBe(2);
      expect(s.maxConcurrentByHost.get("localhost")).toBe(2);
      // Both hosts had their two requests open at the same moment.
      expect(s.maxConcurrent).toBe(4);
    } finally {
      await s.close();
    }
  });

  it("pauses between requests to one host", async () => {
    const urls = Array.from({ length: 4 }, (_, i) => `${base}/ok?paced=${i}`);
    const t0 = performance.now();
    await checkUrls(urls, { ...LOCAL, perHost: 1, hostPauseMs: 100 });
    // One at a time with 100 ms after each: at least three pauses before the last request.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(300);
  });

  it("checks each address once, and at most maxUrls per run; the rest are skipped", async () => {
    const urls = Array.from({ length: 5 }, (_, i) => `${base}/ok?limit=${i}`);
    const run = await checkUrls([...urls, urls[0]], { ...LOCAL, maxUrls: 3 });
    expect(run.results.map((r) => r.url)).toEqual(urls.slice(0, 3));
    expect(run.skipped).toEqual([
      { url: urls[3], reason: "over_limit" },
      { url: urls[4], reason: "over_limit" },
    ]);
  });

  it("starts nothing after the time limit; what was not reached is skipped for next time", async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `${base}/ok?delay=400&deadline=${i}`);
    const run = await checkUrls(urls, { ...LOCAL, perHost: 1, timeLimitMs: 600 });
    // 400 ms each, one at a time: the second starts at ~400 ms, before the 600 ms limit; the third
    // would start at ~800 ms, after it (200 ms of slack either side for a busy machine).
    expect(run.results.map((r) => r.url)).toEqual(urls.slice(0, 2));
    expect(run.skipped.map((s) => [s.url, s.reason])).toEqual(urls.slice(2).map((u) => [u, "time_limit"]));
    expect(server.requests.filter((r) => r.path.includes("deadline=")).length).toBe(2);
  });
});
