// Is a quote really in its source? Both the quote and the copy's text are normalised the same
// way (Unicode NFKC; curly and straight quotes; dash variants; soft hyphens and zero-width
// characters dropped; every run of whitespace, line breaks included, as one space), then the
// quote must appear whole and in order. Case, words and punctuation other than those must match:
// a changed word or a dropped "not" is not found.

export type QuoteCheckStatus = "verified" | "not_found" | "no_copy" | "no_quote";

export interface QuoteCheckResult {
  status: QuoteCheckStatus;
  /** For `verified`: the matching passage as it stands in the copy, with some context. */
  passage?: string;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte-order mark.
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;
const WHITESPACE = /^\s+$/u;
// A base character with its combining marks: NFKC of each such cluster equals NFKC of the whole
// text (decomposed é and precomposed é meet), while every cluster keeps its place in the original.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

const CLUSTER_AT = new RegExp(CLUSTER.source, "suy");
const MARK = /\p{M}/u;
// ASCII other than whitespace, controls and the backtick (a quote mark): NFKC leaves it as it is.
const isPlainAscii = (c: number) => c > 0x20 && c < 0x7f && c !== 0x60;
const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * The normalised text, and for each of its characters the offset in the original it came from.
 * Runs of plain ASCII are copied as they are (a copy of a page is mostly that: 0.4 s instead of
 * 3.6 s for 4 M characters); every other cluster goes through the full normalisation. The fuzz
 * test holds this to the cluster-by-cluster definition.
 */
export function normalizeWithOffsets(original: string): { text: string; offsets: Int32Array } {
  const out: string[] = [];
  let offsets = new Int32Array(original.length + 1);
  let length = 0;
  // NFKC can lengthen text ("ﬁ" becomes "fi", "½" "1⁄2"): room is made as needed.
  const room = (more: number) => {
    if (length + more <= offsets.length) return;
    const grown = new Int32Array(Math.max(offsets.length * 2, length + more));
    grown.set(offsets);
    offsets = grown;
  };
  let lastWasSpace = true; // also trims leading whitespace
  const n = original.length;
  // A combining mark at j joins the cluster of the character before it.
  const markAt = (j: number) =>
    j < n && original.charCodeAt(j) >= 0x300 && MARK.test(String.fromCodePoint(original.codePointAt(j)!));
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (isAsciiSpace(c) && !markAt(i + 1)) {
      if (!lastWasSpace) {
        room(1);
        out.push(" ");
        offsets[length++] = i;
        lastWasSpace = true;
      }
      i++;
      continue;
    }
    if (isPlainAscii(c)) {
      // Plain characters and single spaces between them, copied whole.
      let j = i + 1;
      for (; j < n; j++) {
        const d = original.charCodeAt(j);
        if (!isPlainAscii(d) && !(d === 0x20 && original.charCodeAt(j - 1) !== 0x20)) break;
      }
      if (markAt(j)) j--; // the last one takes the mark: the general path below
      if (j > i) {
        room(j - i);
        out.push(original.slice(i, j));
        for (let k = i; k < j; k++) offsets[length++] = k;
        lastWasSpace = original.charCodeAt(j - 1) === 0x20;
        i = j;
        continue;
      }
    }
    CLUSTER_AT.lastIndex = i;
    const cluster = CLUSTER_AT.exec(original)![0];
    const start = i;
    i += cluster.length;
    const piece = cluster
      .normalize("NFKC")
      .replace(INVISIBLE, "")
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(DASHES, "-");
    if (!piece) continue;
    if (WHITESPACE.test(piece)) {
      if (lastWasSpace) continue;
      room(1);
      out.push(" ");
      offsets[length++] = start;
      lastWasSpace = true;
      continue;
    }
    room(piece.length);
    for (const ch of piece) {
      out.push(ch);
      for (let k = 0; k < ch.length; k++) offsets[length++] = start;
    }
    lastWasSpace = false;
  }
  let text = out.join("");
  if (text.endsWith(" ")) text = text.slice(0, -1);
  return { text, offsets: offsets.subarray(0, text.length) };
}

export function normalizeQuoteText(s: string): string {
  return normalizeWithOffsets(s).text;
}

const CONTEXT = 120;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/**
 * The first place `q` stands in `text` as whole words: a quote that starts (or ends) with a
 * letter or digit must not continue a word of the copy there, or "likely to comply" would be
 * found inside "unlikely to comply", a dropped negation.
 */
function findWhole(text: string, q: string): number {
  const startsWord = isWordChar(q[0]);
  const endsWord = isWordChar(q[q.length - 1]);
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
    if (startsWord && isWordChar(text[at - 1])) continue;
    if (endsWord && isWordChar(text[at + q.length])) continue;
    return at;
  }
  return -1;
}

/** Checks one quote against the text of its source's copy (null when there is no copy). */
export function checkQuote(quote: string | null | undefined, copyText: string | null | undefined): QuoteCheckResult {
  const q = quote ? normalizeQuoteText(quote) : "";
  if (!q) return { status: "no_quote" };
  if (copyText === null || copyText === undefined) return { status: "no_copy" };
  const { text, offsets } = normalizeWithOffsets(copyText);
  const at = findWhole(text, q);
  if (at < 0) return { status: "not_found" };
  const start = offsets[at];
  // Up to where the next normalised character begins, less any whitespace or invisible ones.
  let end = at + q.length < text.length ? offsets[at + q.length] : copyText.length;
  while (end > start && /[\s\u00ad\u200b-\u200d\u2060\ufeff]/.test(copyText[end - 1])) end--;
  const before = copyText.slice(Math.max(0, start - CONTEXT), start);
  const after = copyText.slice(end, end + CONTEXT);
  const squash = (s: string) => s.replace(/\s+/g, " ");
  return {
    status: "verified",
    passage: `${start > CONTEXT ? "…" : ""}${squash(before)}[${squash(copyText.slice(start, end))}]${squash(after)}${end + CONTEXT < copyText.length ? "…" : ""}`,
  };
}
