import { describe, expect, it } from "vitest";
import { ifNoneMatchMatches, pageEtag } from "./etag";

const page = {
  version: "41",
  path: "/events?q=x",
  status: 200,
  policy: "script-src 'self' 'sha256-a'",
  body: "<html>…</html>",
};

describe("entity tags of public pages", () => {
  it("name the version, and change with any part of the answer", () => {
    const tag = pageEtag(page);
    expect(tag).toMatch(/^W\/"41-[A-Za-z0-9_-]{22}"$/);
    expect(pageEtag({ ...page })).toBe(tag);
    for (const change of [
      { version: "42" },
      { path: "/events?q=y" },
      { status: 404 },
      { policy: "script-src 'self' 'sha256-b'" },
      { body: "<html>…!</html>" },
    ]) {
      expect(pageEtag({ ...page, ...change }), JSON.stringify(change)).not.toBe(tag);
    }
  });

  it("matches If-None-Match by weak comparison, in a list, or *", () => {
    const tag = pageEtag(page);
    const opaque = tag.slice(2);
    expect(ifNoneMatchMatches(tag, tag)).toBe(true);
    expect(ifNoneMatchMatches(opaque, tag)).toBe(true); // a cache that strengthened or kept it as sent
    expect(ifNoneMatchMatches(`W/"40-old", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchMatches("*", tag)).toBe(true);
  });

  it("does not match another tag, a missing header or a prefix of the tag", () => {
    const tag = pageEtag(page);
    expect(ifNoneMatchMatches(null, tag)).toBe(false);
    expect(ifNoneMatchMatches("", tag)).toBe(false);
    expect(ifNoneMatchMatches(pageEtag({ ...page, version: "40" }), tag)).toBe(false);
    expect(ifNoneMatchMatches(tag.slice(0, -2) + '"', tag)).toBe(false);
  });
});
