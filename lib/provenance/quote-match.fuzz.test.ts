// normalizeWithOffsets copies runs of plain ASCII whole, for speed; this holds it to the
// definition, one grapheme cluster at a time, on text built from the characters that matter.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { normalizeWithOffsets } from "./quote-match";

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

/** The definition: each cluster through NFKC and the replacements, whitespace runs as one space, trimmed. */
function byDefinition(original: string): { text: string; offsets: number[] } {
  const out: string[] = [];
  const offsets: number[] = [];
  let lastWasSpace = true;
  for (const m of original.matchAll(CLUSTER)) {
    const piece = m[0]
      .normalize("NFKC")
      .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "")
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/g, '"')
      .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g, "-");
    if (!piece) continue;
    if (/^\s+$/u.test(piece)) {
      if (!lastWasSpace) {
        out.push(" ");
        offsets.push(m.index);
      }
      lastWasSpace = true;
      continue;
    }
    for (const unit of piece) {
      for (let k = 0; k < unit.length; k++) {
        out.push(unit[k]);
        offsets.push(m.index);
      }
    }
    lastWasSpace = false;
  }
  if (out.at(-1) === " ") {
    out.pop();
    offsets.pop();
  }
  return { text: out.join(""), offsets };
}

const PIECES = [
  "a",
  "B",
  "7",
  " ",
  "  ",
  "\t",
  "\n",
  "\r\n",
  "`",
  "'",
  "\u2019",
  "\u201c",
  "-",
  "\u2014",
  "\u00ad",
  "\u200b",
  "\ufeff",
  "\u0301",
  "\u0300\u0301",
  "e",
  "é",
  "\u00a0",
  "\u3000",
  "ﬁ",
  "Ｕ",
  "김",
  "😀",
  "\u0001",
  "\u007f",
  ".",
  "x\u0301",
  " \u0301",
];

describe("normalizeWithOffsets", { timeout: FUZZ_TIMEOUT }, () => {
  it("equals the cluster-by-cluster definition, text and offsets", () => {
    const same = (s: string) => {
      const fast = normalizeWithOffsets(s);
      const slow = byDefinition(s);
      expect(fast.text).toBe(slow.text);
      expect([...fast.offsets]).toEqual(slow.offsets);
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join("")),
        same,
      ),
      fuzzParams(),
    );
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), same), fuzzParams());
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), same), fuzzParams());
    // Text that NFKC lengthens, then more text: the offsets must keep up.
    expect(normalizeWithOffsets("ﬁﬁﬁ a").offsets).toEqual(Int32Array.from([0, 0, 1, 1, 2, 2, 3, 4]));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("ﬁ", "½", "㍻", "ﷺ", " ", "a", "\u0301"), { maxLength: 60 }).map((a) => a.join("")),
        same,
      ),
      fuzzParams(),
    );
  });
});
