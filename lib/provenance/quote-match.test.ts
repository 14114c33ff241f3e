import { describe, expect, it } from "vitest";
import { checkQuote, normalizeQuoteText } from "./quote-match";

const found = (quote: string, text: string) => checkQuote(quote, text).status;

describe("quote normalisation", () => {
  it.each([
    ["NFKC: ligatures and full-width letters", "the ﬁnal ＵＮ vote", "the final UN vote"],
    ["curly and straight apostrophes", "Pyongyang’s arsenal", "Pyongyang's arsenal"],
    ["curly and straight double quotes", "“pay a price”", '"pay a price"'],
    ["guillemets", "«top priority»", '"top priority"'],
    ["en and em dashes against a hyphen", "Russia–North Korea — ties", "Russia-North Korea - ties"],
    ["minus sign", "−5 degrees", "-5 degrees"],
    ["soft hyphens", "denu\u00adclear\u00adization", "denuclearization"],
    ["zero-width characters", "sanc\u200btions", "sanctions"],
    ["runs of spaces and tabs", "will  block\tany", "will block any"],
    ["line breaks", "will block\r\nany future\nsanctions", "will block any future sanctions"],
    ["non-breaking spaces", "Kim\u00a0Jong-un", "Kim Jong-un"],
    ["decomposed and precomposed accents", "Pyeongyang e\u0301te\u0301", "Pyeongyang été"],
  ])("%s", (_name, inCopy, inQuote) => {
    expect(found(inQuote, `Before. ${inCopy} after.`)).toBe("verified");
    expect(normalizeQuoteText(inCopy)).toBe(normalizeQuoteText(inQuote));
  });

  it("trims the quote and collapses its own whitespace", () => {
    expect(found("  will   block\n any ", "Moscow will block any future sanctions")).toBe("verified");
  });

  it("does not match a changed word", () => {
    expect(found("Moscow will veto any future sanctions", "Moscow will block any future sanctions")).toBe("not_found");
  });

  it("does not match when a negation is missing or added", () => {
    expect(found("Russia will comply with the sanctions", "Russia will not comply with the sanctions")).toBe(
      "not_found",
    );
    expect(found("it is not likely", "it is likely")).toBe("not_found");
  });

  it("does not match inside a longer word: a dropped prefix such as un- is a changed word", () => {
    expect(found("likely to comply", "Pyongyang is unlikely to comply with the resolution")).toBe("not_found");
    expect(found("no sanction", "there were no sanctions")).toBe("not_found");
    expect(found("likely to comply", "it is unlikely to comply, but likely to comply later")).toBe("verified");
    expect(found("“top priority.”", "his “top priority.”")).toBe("verified");
  });

  it("does not match words out of order, nor across a changed letter case", () => {
    expect(found("future any sanctions", "any future sanctions")).toBe("not_found");
    expect(found("Any Future Sanctions", "any future sanctions")).toBe("not_found");
  });

  it("says when there is no quote or no copy", () => {
    expect(checkQuote("", "text").status).toBe("no_quote");
    expect(checkQuote("   ", "text").status).toBe("no_quote");
    expect(checkQuote(undefined, "text").status).toBe("no_quote");
    expect(checkQuote("a quote", null).status).toBe("no_copy");
  });

  it("returns the passage as it stands in the copy, with context", () => {
    const text = `${"x".repeat(300)} Kim said the ties were his “top priority.” Then ${"y".repeat(300)}`;
    const r = checkQuote('his "top priority."', text);
    expect(r.status).toBe("verified");
    expect(r.passage).toContain("[his “top priority.”]");
    expect(r.passage!.startsWith("…")).toBe(true);
    expect(r.passage!.endsWith("…")).toBe(true);
    expect(r.passage!.length).toBeLessThan(300);
  });
});
