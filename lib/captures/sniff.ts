// What a file really is, from its first bytes (after the WHATWG MIME Sniffing standard's
// patterns), so an upload is never trusted on its name or declared type alone: a PNG renamed
// page.html is refused, a PDF saved as download.txt is read as a PDF.
import { CaptureError } from "./errors";
import { kindOfMediaType, type CopyKind } from "./extract";

// Signatures of files people might pick by mistake, for a message that names what was picked.
const SIGNATURES: [string, number[]][] = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a WebP image", [0x52, 0x49, 0x46, 0x46]],
  ["a program (Windows executable)", [0x4d, 0x5a]],
  ["a program (ELF executable)", [0x7f, 0x45, 0x4c, 0x46]],
  ["a ZIP archive or Office document", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["an old Office document", [0xd0, 0xcf, 0x11, 0xe0]],
];

// Tags the standard treats as proof of HTML when they open the file (after whitespace).
const HTML_OPENINGS =
  /^(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--|<\?xml[^>]*>\s*<(?:!doctype html|html))(?:[\s>]|$)/i;

const isBinaryByte = (b: number) => b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);

function startsWith(bytes: Buffer, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** "%PDF-" within the first 1,024 bytes, as PDF readers accept. */
const isPdf = (bytes: Buffer) => bytes.subarray(0, 1024).indexOf("%PDF-") >= 0;

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 2048)
    .toString("latin1")
    .replace(/^\u00ef\u00bb\u00bf/, "")
    .trimStart();
  return HTML_OPENINGS.test(head) || /<html[\s>]/i.test(head);
}

const REFUSAL = "Upload the page saved as HTML (“Web page, HTML only”), a PDF or a plain text file.";

/**
 * The kind of an uploaded file, from its bytes; the declared type and the name only decide
 * between HTML and plain text, which the bytes alone cannot always tell apart.
 */
export function sniffUpload(bytes: Buffer, declaredType: string, fileName: string): CopyKind {
  if (bytes.length === 0) throw new CaptureError(`The file is empty. ${REFUSAL}`);
  if (isPdf(bytes)) return "application/pdf";
  const signature = SIGNATURES.find(([, sig]) => startsWith(bytes, sig));
  if (signature) throw new CaptureError(`This file is ${signature[0]}, not a saved page. ${REFUSAL}`);
  const declared = kindOfMediaType(declaredType.split(";")[0]);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (declared === "application/pdf" || extension === "pdf")
    throw new CaptureError("This file is named or typed as a PDF, but its contents are not a PDF.");
  const head = bytes.subarray(0, 8192);
  // UTF-16 text has NUL bytes but starts with a byte-order mark.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.some(isBinaryByte)) throw new CaptureError(`This file is not text, HTML or PDF. ${REFUSAL}`);
  const text = head.toString("latin1");
  if (/^MIME-Version:/im.test(text.slice(0, 1024)) && /multipart\/related/i.test(text)) {
    throw new CaptureError(
      "This is a web archive (MHTML, “Web page, single file”). Save the page as “Web page, HTML only” and upload that.",
    );
  }
  if (looksLikeHtml(bytes) || declared === "text/html" || ["html", "htm", "xhtml"].includes(extension))
    return "text/html";
  return "text/plain";
}

/** The kind of a fetched body: its declared type when we read that type, else its bytes decide. */
export function kindOfFetched(bytes: Buffer, mediaType: string): CopyKind {
  const declared = kindOfMediaType(mediaType);
  if (declared === "application/pdf" && !isPdf(bytes))
    throw new CaptureError("The address said it sent a PDF, but the contents are not a PDF.");
  const signature = SIGNATURES.find(([, sig]) => startsWith(bytes, sig));
  if (declared && signature)
    throw new CaptureError(`The address said it sent ${mediaType}, but the contents are ${signature[0]}.`);
  if (declared) return declared;
  // Servers that send no type, or a generic one, leave it to the client to look.
  if (mediaType === "" || mediaType === "application/octet-stream" || mediaType === "binary/octet-stream") {
    try {
      return sniffUpload(bytes, "", "");
    } catch {
      // Fall through to the refusal that names the type.
    }
  }
  throw new CaptureError(
    `The address answered with ${mediaType || "content of no stated type"}, which cannot be checked for quotes; only web pages (HTML), PDFs and plain text can.`,
  );
}
