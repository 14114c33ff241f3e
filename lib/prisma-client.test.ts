import { describe, expect, it } from "vitest";
import { withCustomPlans } from "./prisma-client";

describe("withCustomPlans", () => {
  it("adds plan_cache_mode to options the address already has, keeping the rest of it", () => {
    const s = withCustomPlans(
      "postgresql://app:p%40ss@db.example:6432/tracker?sslmode=require&options=-c%20search_path%3Dtracker",
    );
    const url = new URL(s);
    expect(url.searchParams.get("options")).toBe("-c search_path=tracker -c plan_cache_mode=force_custom_plan");
    expect([url.username, url.password, url.host, url.pathname]).toEqual([
      "app",
      "p%40ss",
      "db.example:6432",
      "/tracker",
    ]);
    expect(url.searchParams.get("sslmode")).toBe("require");
  });

  it("leaves an address without options, or a string that is no URL, as it is (the pool's own options apply)", () => {
    for (const s of ["postgresql://app@db/tracker?sslmode=require", "/var/run/postgresql tracker"])
      expect(withCustomPlans(s)).toBe(s);
  });
});
