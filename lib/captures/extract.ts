// Text from a captured copy's bytes, by kind: `text` for editors to read, `fullText` for quotes
// to be checked against (see html-text.ts for web pages; for PDF and plain text they are one).
import { logger } from "../log";
import { CaptureError } from "./errors";
import { extractHtml } from "./html-text";

export type CopyKind = "text/html" | "application/pdf" | "text/plain";

export interface ExtractedText {
  text: string;
  fullText: string;
}

/** Media types served for the three kinds we can read; anything else is refused. */
const KIND_OF_TYPE: Record<string, CopyKind> = {
  "text/html": "text/html",
  "application/xhtml+xml": "text/html",
  "application/pdf": "application/pdf",
  "application/x-pdf": "application/pdf",
  "text/plain": "text/plain",
};

export function kindOfMediaType(mediaType: string): CopyKind | null {
  return KIND_OF_TYPE[mediaType.trim().toLowerCase()] ?? null;
}

export async function extractText(bytes: Buffer, kind: CopyKind, charset?: string | null): Promise<ExtractedText> {
  let texts: ExtractedText;
  if (kind === "application/pdf") texts = await extractPdf(bytes);
  else if (kind === "text/html") texts = extractHtml(decodeHtml(bytes, charset));
  else if (kind === "text/plain") {
    const text = decode(bytes, charset).replace(/\r\n?/g, "\n");
    texts = { text, fullText: text };
  } else
    throw new CaptureError(`A copy of type ${String(kind)} cannot be read; capture an HTML page, a PDF or plain text.`);
  // PostgreSQL's text type cannot hold NUL.
  return { text: texts.text.replace(/\u0000/g, ""), fullText: texts.fullText.replace(/\u0000/g, "") };
}

/** Bytes to a string in the named charset; UTF-8 when none is named or the name is unknown. */
export function decode(bytes: Buffer, charset?: string | null): string {
  // A byte-order mark outranks any declaration (as in browsers).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder(charset?.trim() || "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** A page's own <meta charset> counts when the server named none (the HTML standard's prescan, simplified). */
function decodeHtml(bytes: Buffer, charset?: string | null): string {
  if (charset) return decode(bytes, charset);
  const head = bytes.subarray(0, 1024).toString("latin1");
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head)?.[1];
  return decode(bytes, declared);
}

async function extractPdf(bytes: Buffer): Promise<ExtractedText> {
  // Loaded on first use: pdf.js is large and most captures are web pages.
  const { PDFParse } = await import("pdf-parse");
  // pdf.js takes ownership of the array it is given; a copy keeps the stored bytes intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: "" });
    const text = result.text
      .replace(/\r\n?/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return { text, fullText: text };
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    if (name === "PasswordException")
      throw new CaptureError("The PDF could not be read: it is protected by a password.");
    if (name === "InvalidPDFException" || name === "FormatError")
      throw new CaptureError("The PDF could not be read: it is damaged or not a PDF.");
    // Anything else is our failure, not the file's (a build that moved pdf.js's worker showed up
    // here once): logged with pdf.js's own words, and not blamed on the editor's file.
    logger.error({ err: err instanceof Error ? `${name}: ${err.message}` : String(err) }, "PDF text extraction failed");
    throw new CaptureError(
      "The server could not read this PDF just now; nothing was stored. Please tell the site's maintainers.",
    );
  } finally {
    await parser.destroy().catch(() => {});
  }
}
