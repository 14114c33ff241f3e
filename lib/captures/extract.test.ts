import { describe, expect, it } from "vitest";
import { CaptureError } from "./errors";
import { decode, extractText } from "./extract";
import { makeArticlePage, makePdf } from "./fixtures";
import { htmlVisibleText, withoutScripts } from "./html-text";

const html = (s: string) => extractText(Buffer.from(s), "text/html");

describe("web pages", () => {
  it("keeps every visible text in fullText, paragraphs apart, and none of the hidden kinds", async () => {
    const { fullText } = await html(`<html><head><title>Title</title><style>.x{}</style></head><body>
      <p>First &amp; <b>bold</b>
      paragraph.</p><p>Second</p><script>var secret = 1;</script><noscript>Enable JS</noscript><template><p>later</p></template>
      <div hidden>hidden div</div><span style="display: none">none</span><ul><li>one</li><li>two</li></ul>
      <table><tr><td>cell a</td><td>cell b</td></tr></table>line<br>break</body></html>`);
    expect(fullText).toBe("First & bold paragraph.\n\nSecond\n\none\ntwo\n\ncell a cell b\n\nline\nbreak");
  });

  it("gives editors the article (no navigation or footer) and checks quotes against everything", async () => {
    const { text, fullText } = await html(makeArticlePage("We will not supply arms to anyone.", 12));
    expect(text).toContain("Envoys meet in the capital");
    expect(text).toContain("“We will not supply arms to anyone.”");
    expect(text).not.toContain("World");
    expect(text).not.toContain("window.__state");
    expect(fullText).toMatch(/^Home \| World\n\nEnvoys meet in the capital\n\nParagraph 0:/);
    expect(fullText).toMatch(/© Example News$/);
  });

  it("decodes by the response's charset, else the page's own meta charset, else UTF-8", async () => {
    const cyrillic = Buffer.from([0xcf, 0xf3, 0xf2, 0xe8, 0xed]); // "Путин" in windows-1251
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
      cyrillic,
      Buffer.from("</p></body></html>"),
    ]);
    expect((await extractText(page, "text/html")).fullText).toBe("Путин");
    expect((await extractText(page, "text/html", "koi8-r")).fullText).not.toBe("Путин"); // the header wins
    expect((await html("<p>김정은</p>")).fullText).toBe("김정은");
  });

  it("survives hostile markup: deep nesting, thousands of unclosed scripts", async () => {
    const t0 = performance.now();
    // Readability's DOM (htmlparser2's Parser) would take seconds on this; it is not given it.
    expect(await html(`${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}`)).toEqual({
      text: "deep",
      fullText: "deep",
    });
    expect(htmlVisibleText(`${"<b>".repeat(200_000)}x${"</i>".repeat(200_000)}`)).toBe("x");
    expect(withoutScripts(`<p>kept</p>${"<script>x".repeat(50_000)}`)).toBe("<p>kept</p>");
    expect(withoutScripts(`a<script>1</script>b<STYLE>p{}</style>c<scripts>d`)).toBe("abc<scripts>d");
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe("PDF and plain text", () => {
  it("reads a PDF's text", async () => {
    const { text, fullText } = await extractText(
      makePdf(["The envoy said: (we will not supply arms).", "Second line."]),
      "application/pdf",
    );
    expect(text).toBe("The envoy said: (we will not supply arms).\nSecond line.");
    expect(fullText).toBe(text);
  });

  it("refuses a damaged PDF with a sentence", async () => {
    const err = await extractText(Buffer.from("%PDF-1.4\nnot really"), "application/pdf").catch((e) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect(err.message).toBe("The PDF could not be read: it is damaged or not a PDF.");
  });

  it("decodes plain text in its charset, UTF-8 by default, and drops NUL (PostgreSQL text cannot hold it)", async () => {
    expect((await extractText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), "text/plain", "iso-8859-1")).text).toBe("café");
    expect((await extractText(Buffer.from("line one\r\nline\u0000 two"), "text/plain")).fullText).toBe(
      "line one\nline two",
    );
    expect(decode(Buffer.from("é"), "no-such-charset")).toBe("é");
    expect(decode(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe("A");
  });

  it("refuses other kinds", async () => {
    await expect(extractText(Buffer.from("x"), "image/png" as never)).rejects.toThrow(
      "cannot be read; capture an HTML page, a PDF or plain text",
    );
  });
});
