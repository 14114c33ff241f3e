// Text from a web page. Two texts: `fullText`, every piece of visible text, which quotes are
// checked against (a quote from a caption or a sidebar that an article extractor drops is still
// the source's own words), and `text`, the article an editor reads: Mozilla's Readability, the
// code behind Firefox's Reader View, on linkedom, a DOM without a browser.
//
// The full text comes from one streaming pass of htmlparser2's tokenizer (the one inside
// linkedom), not from a DOM: building linkedom's DOM of a 5 MB page takes seconds, the pass a
// fraction of that.
import { Readability } from "@mozilla/readability";
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { parseHTML } from "linkedom";

// Elements whose text is never shown; `template` and `noscript` hold markup for other situations.
const HIDDEN = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
  "canvas",
  "select",
  "datalist",
  "svg",
  "math",
  "textarea",
]);
// Elements that start a new paragraph (their text never runs into the next block's).
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "details",
  "dialog",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "ul",
]);
const LINE = new Set(["br", "li", "dt", "dd", "tr", "option", "thead", "tbody", "tfoot"]);
const CELL = new Set(["td", "th"]);
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
// End tags a page may leave out: opening the key closes an open element of the listed kinds.
const CLOSES: Record<string, string[]> = {
  li: ["li"],
  dt: ["dt", "dd"],
  dd: ["dt", "dd"],
  tr: ["tr", "td", "th"],
  td: ["td", "th"],
  th: ["td", "th"],
  option: ["option"],
  ...Object.fromEntries([...BLOCK].map((b) => [b, ["p"]])),
};
// How far down the open elements an end tag looks for its start tag; a stray end tag deeper
// than this is ignored, so no page can make each end tag scan a long stack.
const CLOSE_SEARCH = 64;
// Paragraph and line marks while collecting; no page text can contain them (NUL is dropped first).
const PARAGRAPH = "\u0000P";
const NEWLINE = "\u0000N";

interface Open {
  name: string;
  hides: boolean;
}

/**
 * The visible text of a page, from htmlparser2's tokenizer with a stack of open elements of our
 * own. htmlparser2's Parser keeps its stack with Array.unshift, which makes a page of 100,000
 * nested elements take seconds and a hostile 10 MB one hours; here every step is constant time.
 */
class VisibleText implements TokenizerCallbacks {
  private out: string[] = [];
  private stack: Open[] = [];
  private hiddenDepth = 0;
  private preDepth = 0;
  private tag = "";
  private attribs: Record<string, string> = {};
  private attrName = "";
  private attrValue = "";
  /** The deepest nesting seen: Readability (on a DOM) is spared pages nested deeper than a browser would build. */
  maxDepth = 0;

  constructor(private readonly html: string) {}

  result(): string {
    return tidy(this.out.join(""));
  }

  private mark(name: string) {
    if (this.hiddenDepth) return;
    if (BLOCK.has(name)) this.out.push(PARAGRAPH);
    else if (LINE.has(name)) this.out.push(NEWLINE);
    else if (CELL.has(name)) this.out.push(" ");
  }

  private text(data: string) {
    if (this.hiddenDepth) return;
    const clean = data.replace(/\u0000/g, "");
    this.out.push(this.preDepth ? clean.replace(/\r\n?|\n/g, NEWLINE) : clean.replace(/\s+/g, " "));
  }

  private pop(): Open {
    const top = this.stack.pop()!;
    if (top.hides) this.hiddenDepth--;
    if (top.name === "pre") this.preDepth--;
    return top;
  }

  private open(name: string) {
    const closes = CLOSES[name];
    const top = this.stack.at(-1);
    if (closes && top && closes.includes(top.name)) this.close(top.name);
    const hides = HIDDEN.has(name) || "hidden" in this.attribs || /display\s*:\s*none/i.test(this.attribs.style ?? "");
    this.mark(name);
    if (VOID.has(name)) return;
    this.stack.push({ name, hides });
    this.maxDepth = Math.max(this.maxDepth, this.stack.length);
    if (hides) this.hiddenDepth++;
    if (name === "pre") this.preDepth++;
  }

  private close(name: string) {
    for (let i = this.stack.length - 1; i >= Math.max(0, this.stack.length - CLOSE_SEARCH); i--) {
      if (this.stack[i].name !== name) continue;
      while (this.stack.length > i) this.pop();
      if (name !== "br") this.mark(name);
      return;
    }
  }

  private slice(start: number, end: number) {
    return this.html.slice(start, end);
  }

  ontext(start: number, end: number) {
    this.text(this.slice(start, end));
  }
  ontextentity(codepoint: number) {
    this.text(String.fromCodePoint(codepoint));
  }
  onopentagname(start: number, end: number) {
    this.tag = this.slice(start, end).toLowerCase();
    this.attribs = {};
  }
  onattribname(start: number, end: number) {
    this.attrName = this.slice(start, end).toLowerCase();
    this.attrValue = "";
  }
  onattribdata(start: number, end: number) {
    this.attrValue += this.slice(start, end);
  }
  onattribentity(codepoint: number) {
    this.attrValue += String.fromCodePoint(codepoint);
  }
  onattribend() {
    this.attribs[this.attrName] = this.attrValue;
  }
  onopentagend() {
    this.open(this.tag);
  }
  // In HTML, <div/> opens a div like <div> does; only void elements close at once.
  onselfclosingtag() {
    this.open(this.tag);
  }
  onclosetag(start: number, end: number) {
    this.close(this.slice(start, end).toLowerCase());
  }
  oncdata() {}
  oncomment() {}
  ondeclaration() {}
  onprocessinginstruction() {}
  onend() {}
}

/** Visible text and nesting depth of a page, in one pass. */
export function scanHtml(html: string): { text: string; maxDepth: number } {
  const collector = new VisibleText(html);
  const tokenizer = new Tokenizer({ decodeEntities: true }, collector);
  tokenizer.write(html);
  tokenizer.end();
  return { text: collector.result(), maxDepth: collector.maxDepth };
}

/** The text a reader of the page sees, paragraphs apart, as one string. */
export const htmlVisibleText = (html: string) => scanHtml(html).text;

function tidy(collected: string): string {
  return collected
    .replace(/ *(?:\u0000[PN] *)+/g, (marks) => (marks.includes(PARAGRAPH) ? "\n\n" : "\n"))
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

// Readability on linkedom grows faster than the page: 1.3 s for a 1 MB page of markup here (2
// cores, busy), more beyond. Above this many characters of markup (scripts and styles removed,
// which is most of a news page) the editor reads the full text instead of the article, and a
// capture stays within about 2 s.
export const READABILITY_MAX_CHARS = 1_000_000;
// linkedom builds its DOM with htmlparser2's Parser (see above): deep pages are not given to it.
// Browsers stop nesting at 512 elements.
const READABILITY_MAX_DEPTH = 512;

/** The article's text, or null when Readability finds none or the page is too large for it. */
export function readableText(html: string, maxDepth: number): string | null {
  if (maxDepth > READABILITY_MAX_DEPTH) return null;
  const markup = withoutScripts(html);
  if (markup.length > READABILITY_MAX_CHARS) return null;
  try {
    const { document } = parseHTML(markup);
    const article = new Readability(document as unknown as Document).parse();
    const body = article?.content ? htmlVisibleText(article.content) : "";
    if (!body) return null;
    // Readability lifts the headline out of the article; an editor reads it first.
    const title = article?.title?.trim();
    return title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  } catch {
    // A page Readability cannot digest is still a copy: editors then read its full text.
    return null;
  }
}

/**
 * The page less its script and style elements, in one pass (a regular expression with a lazy
 * match would rescan to the end for every unclosed <script>, quadratic on a hostile page).
 */
export function withoutScripts(html: string): string {
  const lower = html.toLowerCase();
  const kept: string[] = [];
  // Where each tag next opens, looked up again only once passed: every search moves forward.
  const next = { script: -2, style: -2 };
  const find = (tag: "script" | "style", from: number) => {
    let i = lower.indexOf(`<${tag}`, from);
    // "<scripts>" or "<style-guide>" are other elements.
    while (i >= 0 && /[a-z0-9-]/.test(lower[i + tag.length + 1] ?? "")) i = lower.indexOf(`<${tag}`, i + 1);
    return i;
  };
  let at = 0;
  for (;;) {
    for (const tag of ["script", "style"] as const) if (next[tag] !== -1 && next[tag] < at) next[tag] = find(tag, at);
    const tag = next.script === -1 ? "style" : next.style === -1 || next.script < next.style ? "script" : "style";
    const start = next[tag];
    if (start < 0) break;
    kept.push(html.slice(at, start));
    const close = lower.indexOf(`</${tag}`, start);
    if (close < 0) return kept.join(""); // as in a browser, an unclosed script runs to the end
    const end = lower.indexOf(">", close);
    at = end < 0 ? html.length : end + 1;
  }
  kept.push(html.slice(at));
  return kept.join("");
}

export function extractHtml(html: string): { text: string; fullText: string } {
  const { text: fullText, maxDepth } = scanHtml(html);
  return { text: readableText(html, maxDepth) ?? fullText, fullText };
}
