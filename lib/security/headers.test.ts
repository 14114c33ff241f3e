import { describe, expect, it } from "vitest";
import {
  CAPTURED_COPY_POLICY,
  contentSecurityPolicy,
  createNonce,
  formActionOrigins,
  isFramable,
  nextConfigHeaders,
  securityHeaders,
} from "./headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("security headers", () => {
  it("makes a fresh nonce of the shape Next.js reads from the CSP", () => {
    const seen = new Set(Array.from({ length: 200 }, createNonce));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("allows scripts only with the nonce, plus what they load ('strict-dynamic')", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123" });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
  });

  it("without a nonce allows no inline script or style at all (fails closed)", () => {
    const csp = contentSecurityPolicy({});
    expect(directive(csp, "script-src")).toBe("script-src 'self'");
    expect(directive(csp, "style-src")).toBe("style-src 'self'");
  });

  it("with hashes, allows exactly those inline scripts and styles, and scripts from this origin", () => {
    const csp = contentSecurityPolicy({ hashes: { scripts: ["sha256-AAA=", "sha256-BBB="], styles: ["sha256-CCC="] } });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'sha256-CCC='");
    expect(csp).not.toMatch(/nonce|strict-dynamic|unsafe-inline|unsafe-eval/);
    expect(directive(contentSecurityPolicy({ hashes: { scripts: [], styles: [] } }), "script-src")).toBe(
      "script-src 'self'",
    );
    const embed = new Map(
      securityHeaders({
        pathname: "/embed/timeline",
        hashes: { scripts: ["sha256-AAA="], styles: [] },
        production: true,
      }),
    );
    expect(embed.get("content-security-policy")).toContain("frame-ancestors *");
  });

  it("lets only /embed/* be framed", () => {
    expect(isFramable("/embed/timeline")).toBe(true);
    expect(isFramable("/embed")).toBe(true);
    for (const p of ["/", "/events", "/embedded", "/editor/embed/x"]) expect(isFramable(p)).toBe(false);
    const page = new Map(securityHeaders({ pathname: "/events", nonce: "n", production: true }));
    const embed = new Map(securityHeaders({ pathname: "/embed/timeline", nonce: "n", production: true }));
    expect(page.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.get("x-frame-options")).toBe("DENY");
    expect(embed.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.has("x-frame-options")).toBe(false);
  });

  it("sandboxes captured copies, from the proxy and from next.config.js alike", () => {
    expect(
      new Map(securityHeaders({ pathname: "/editor/copies/7/original", nonce: "n", production: true })).get(
        "content-security-policy",
      ),
    ).toBe(CAPTURED_COPY_POLICY);
    expect(CAPTURED_COPY_POLICY).toMatch(/^sandbox; default-src 'none'/);
    expect(
      new Map(securityHeaders({ pathname: "/editor/events/x", nonce: "n", production: true })).get(
        "content-security-policy",
      ),
    ).not.toContain("sandbox");
    const copies = nextConfigHeaders({ production: true }).at(-1)!;
    expect(copies.source).toBe("/editor/copies/:path*");
    expect(copies.headers.find((h) => h.key === "content-security-policy")?.value).toBe(CAPTURED_COPY_POLICY);
  });

  it("sends HSTS only in production", () => {
    expect(new Map(securityHeaders({ pathname: "/", production: true })).get("strict-transport-security")).toMatch(
      /^max-age=31536000/,
    );
    expect(new Map(securityHeaders({ pathname: "/", production: false })).has("strict-transport-security")).toBe(false);
  });

  it("lets a sign-in form go on to the OIDC issuer, and ignores a malformed issuer", () => {
    expect(formActionOrigins("https://login.example.org/realms/news")).toEqual(["https://login.example.org"]);
    expect(formActionOrigins("not a url")).toEqual([]);
    expect(contentSecurityPolicy({ nonce: "n", formOrigins: ["https://login.example.org"] })).toContain(
      "form-action 'self' https://login.example.org;",
    );
  });

  it("gives next.config.js the same headers, with no nonce", () => {
    const [pages, embed] = nextConfigHeaders({ production: true });
    const pageHeaders = new Map(pages.headers.map((h) => [h.key, h.value]));
    expect(pageHeaders.get("x-content-type-options")).toBe("nosniff");
    expect(pageHeaders.get("content-security-policy")).toBe(contentSecurityPolicy({}));
    expect(embed.headers.some((h) => h.key === "x-frame-options")).toBe(false);
  });
});
