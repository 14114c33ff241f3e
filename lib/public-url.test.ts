import { describe, expect, it } from "vitest";
import { publicOrigin, publicUrlProblem } from "./public-url";

describe("PUBLIC_URL", () => {
  it("is the origin absolute links are built from", () => {
    expect(publicOrigin({ PUBLIC_URL: "https://tracker.example.org" })).toBe("https://tracker.example.org");
    expect(publicOrigin({ PUBLIC_URL: "https://Tracker.Example.org/" })).toBe("https://tracker.example.org");
    expect(publicOrigin({ PUBLIC_URL: " http://10.0.0.5:8080 " })).toBe("http://10.0.0.5:8080");
  });

  it("defaults to this machine's address on PORT, for development", () => {
    expect(publicOrigin({})).toBe("http://localhost:3000");
    expect(publicOrigin({ PORT: "3100" })).toBe("http://localhost:3100");
    expect(publicOrigin({ PUBLIC_URL: "", PORT: "4000" })).toBe("http://localhost:4000");
  });

  it("refuses anything but a scheme and a host with one sentence", () => {
    for (const bad of [
      "tracker.example.org",
      "ftp://tracker.example.org",
      "https://tracker.example.org/tracker",
      "https://user:pw@tracker.example.org",
      "https://tracker.example.org/?a=1",
      "https://",
      "javascript:alert(1)",
    ]) {
      const problem = publicUrlProblem({ PUBLIC_URL: bad });
      expect(problem, bad).toBe(
        `PUBLIC_URL must be the site's public address, a scheme and a host only (such as https://tracker.example.org), not “${bad}”.`,
      );
      expect(() => publicOrigin({ PUBLIC_URL: bad })).toThrow(problem!);
    }
    expect(publicUrlProblem({ PUBLIC_URL: "https://tracker.example.org" })).toBeNull();
    expect(publicUrlProblem({})).toBeNull();
  });
});
