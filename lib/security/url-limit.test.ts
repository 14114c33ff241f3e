import { describe, expect, it } from "vitest";
import { MAX_URL_BYTES, requestTargetBytes, urlTooLong } from "./url-limit";

describe("URL limit", () => {
  it("measures the path and query, not the origin or the fragment", () => {
    expect(requestTargetBytes("http://127.0.0.1:3000/events?q=x#top")).toBe("/events?q=x".length);
  });

  it("measures the query as Next.js hands it to the proxy, so client and proxy get one number", () => {
    const sent = "http://127.0.0.1/events?%zz&q=%&&type[]=x&_rsc=1";
    expect(requestTargetBytes(sent)).toBe("/events?%25zz=&q=%25&type%5B%5D=x".length);
    const seenByProxy = new URL(sent);
    seenByProxy.searchParams.delete("_rsc"); // what Next.js does before calling the proxy
    expect(requestTargetBytes(seenByProxy)).toBe(requestTargetBytes(sent));
  });

  it("refuses one byte past the limit and accepts the limit itself", () => {
    const at = `http://example.org/events?q=${"a".repeat(MAX_URL_BYTES - "/events?q=".length)}`;
    expect(requestTargetBytes(at)).toBe(MAX_URL_BYTES);
    expect(urlTooLong(at)).toBe(false);
    expect(urlTooLong(`${at}a`)).toBe(true);
  });

  it("sits well inside Node's 16 KB header limit, leaving room for the other headers", () => {
    expect(MAX_URL_BYTES).toBeLessThanOrEqual(16 * 1024 - 4096);
  });
});
