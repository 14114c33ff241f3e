import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./origin";
import { requestIdFrom } from "./request-id";

describe("request id", () => {
  it("keeps an incoming id of 8 to 64 letters, digits, _ or -", () => {
    for (const id of ["abcdEFGH", "a".repeat(64), "lb-01_2f9c1e7a"]) expect(requestIdFrom(id)).toBe(id);
  });

  it("replaces anything else with a fresh UUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [
      null,
      undefined,
      "",
      "short",
      "a".repeat(65),
      "id with space",
      "id\nforged-line",
      "ïd-ünicode",
      "<script>x</script>",
    ]) {
      expect(requestIdFrom(bad)).toMatch(uuid);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe("cross-site writes", () => {
  const h = (entries: Record<string, string>) => new Headers(entries);

  it("refuses a POST whose Origin is another host, or null", () => {
    expect(isCrossSiteWrite("POST", h({ host: "tracker.example", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite("DELETE", h({ host: "tracker.example", origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite("POST", h({ host: "tracker.example:3000", origin: "http://tracker.example:3001" }))).toBe(
      true,
    );
  });

  it("lets same-origin writes, reads and requests without an Origin through", () => {
    expect(isCrossSiteWrite("POST", h({ host: "tracker.example", origin: "https://tracker.example" }))).toBe(false);
    expect(isCrossSiteWrite("GET", h({ host: "tracker.example", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossSiteWrite("OPTIONS", h({ host: "tracker.example", origin: "https://evil.example" }))).toBe(false);
    expect(isCrossSiteWrite("POST", h({ host: "tracker.example" }))).toBe(false);
  });

  it("compares with X-Forwarded-Host behind a reverse proxy, as Next.js does", () => {
    expect(
      isCrossSiteWrite(
        "POST",
        h({ host: "127.0.0.1:3000", "x-forwarded-host": "tracker.example", origin: "https://tracker.example" }),
      ),
    ).toBe(false);
    expect(
      isCrossSiteWrite(
        "POST",
        h({ host: "tracker.example", "x-forwarded-host": "127.0.0.1:3000", origin: "https://tracker.example" }),
      ),
    ).toBe(true);
  });
});
