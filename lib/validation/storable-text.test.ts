import { describe, expect, it } from "vitest";
import { isQueryableText, isStorableText, replaceUnsearchable } from "./storable-text";

const char = (code: number) => String.fromCharCode(code);
const isC0ButTabAndNewlines = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
const codeUnits = Array.from({ length: 0x10000 }, (_, code) => code);

describe("the three strengths, character by character", () => {
  it("queryable refuses the C0 controls but tab, LF and CR, and a lone surrogate; nothing else", () => {
    const refused = codeUnits.filter((c) => !isQueryableText(`a${char(c)}b`));
    expect(refused).toEqual(codeUnits.filter((c) => isC0ButTabAndNewlines(c) || isSurrogate(c)));
  });

  it("storable refuses those and U+FFFE, U+FFFF", () => {
    const refused = codeUnits.filter((c) => !isStorableText(`a${char(c)}b`));
    expect(refused).toEqual(
      codeUnits.filter((c) => isC0ButTabAndNewlines(c) || isSurrogate(c) || c === 0xfffe || c === 0xffff),
    );
  });

  it("searchable replaces those and DEL", () => {
    const replaced = codeUnits.filter((c) => replaceUnsearchable(`a${char(c)}b`, " ") !== `a${char(c)}b`);
    expect(replaced).toEqual(
      codeUnits.filter((c) => isC0ButTabAndNewlines(c) || isSurrogate(c) || c === 0xfffe || c === 0xffff || c === 0x7f),
    );
  });
});

describe("surrogates", () => {
  it("accepts a pair (an emoji) and refuses either half alone, at either end", () => {
    for (const check of [isQueryableText, isStorableText]) {
      expect(check("a 😀 b")).toBe(true);
      for (const lone of ["\ud83d", "\ude00", "\ude00\ud83d"]) {
        expect(check(lone)).toBe(false);
        expect(check(`x${lone}`)).toBe(false);
        expect(check(`${lone}x`)).toBe(false);
      }
    }
  });

  it("replaces each lone half and keeps pairs", () => {
    expect(replaceUnsearchable("\ud83d😀\ude00", "_")).toBe("_😀_");
  });
});

describe("replaceUnsearchable", () => {
  it("replaces every such character, not only the first, and keeps tab and newlines", () => {
    expect(replaceUnsearchable("a\u0000b\u007fc\uffffd\te\nf\rg", " ")).toBe("a b c d\te\nf\rg");
  });

  it("gives the same answer on every call (the pattern's position is not carried over)", () => {
    expect(replaceUnsearchable("\u0000", "")).toBe("");
    expect(replaceUnsearchable("\u0000", "")).toBe("");
  });
});

it("storable text allows DEL and the other characters XML 1.0 allows (U+2028, BOM)", () => {
  expect(isStorableText("é\u007f \u2028\u2029 \ufeff </script>")).toBe(true);
});
