import { describe, expect, it } from "vitest";
import { httpCacheSettingsProblem, publicCacheControl } from "./cache-control";

describe("Cache-Control of public pages", () => {
  it("lets shared caches keep a page 5 s and answer 30 s more while revalidating; browsers always ask", () => {
    expect(publicCacheControl({})).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=30");
  });

  it("takes both lifetimes from the settings, 0 included", () => {
    expect(publicCacheControl({ HTTP_CACHE_SECONDS: "60", HTTP_CACHE_STALE_SECONDS: "0" })).toBe(
      "public, max-age=0, s-maxage=60, stale-while-revalidate=0",
    );
    expect(httpCacheSettingsProblem({ HTTP_CACHE_SECONDS: "0", HTTP_CACHE_STALE_SECONDS: " " })).toBeNull();
  });

  it("names a malformed setting in one sentence", () => {
    expect(httpCacheSettingsProblem({ HTTP_CACHE_SECONDS: "5s" })).toBe(
      "HTTP_CACHE_SECONDS must be a whole number of seconds from 0 to 31536000, not “5s”.",
    );
    expect(httpCacheSettingsProblem({ HTTP_CACHE_STALE_SECONDS: "-1" })).toMatch(/^HTTP_CACHE_STALE_SECONDS must be/);
    expect(httpCacheSettingsProblem({ HTTP_CACHE_SECONDS: "1.5" })).toMatch(/^HTTP_CACHE_SECONDS must be/);
    expect(httpCacheSettingsProblem({ HTTP_CACHE_SECONDS: "99999999999" })).toMatch(/^HTTP_CACHE_SECONDS must be/);
  });
});
