// Capturing and uploading copies against a real PostgreSQL and a local HTTP server this test
// starts (there is no internet here): what is stored, what is refused, and that a refusal
// stores nothing.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { setUpTestDatabase } from "../testing/test-database";
import { captureUrl, uploadCopy } from "./capture";
import { makeArticlePage, makePdf } from "./fixtures";

const QUOTE = "We will not supply arms to anyone.";
const PAGE = Buffer.from(makeArticlePage(QUOTE));
const PDF = makePdf(["Statement of the ministry.", "We will not supply arms to anyone."]);
const TEXT = Buffer.from("Statement, in plain text.\nWe will not supply arms to anyone.\n");
const BIG = 10 * 1024 * 1024 + 1;

const t = setUpTestDatabase();
let server: http.Server;
let base: string;
const users = {} as Record<"contributor" | "editor", SessionUser>;
const LOCAL = { allowPrivateHosts: ["127.0.0.1"] };
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const counts = async () => ({
  captures: await t.prisma.capture.count(),
  contents: await t.prisma.captureContent.count(),
});

beforeAll(async () => {
  for (const role of ["contributor", "editor"] as const) {
    const u = await t.prisma.user.create({ data: { email: `${role}@capture.example`, name: role, role } });
    users[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/article.html") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    if (path === "/moved") return res.writeHead(301, { location: "/article.html" }).end();
    if (path === "/statement.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end(PDF);
    if (path === "/statement.txt") return res.writeHead(200, { "content-type": "text/plain" }).end(TEXT);
    if (path === "/to-private") return res.writeHead(302, { location: "http://10.0.0.8/admin" }).end();
    if (path === "/to-metadata")
      return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (path === "/image.png")
      return res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
    if (path === "/huge") {
      // No Content-Length: the cap must hold while streaming, not just on a declared size.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(256 * 1024, "<p>x</p>");
      let sent = 0;
      const pump = () => {
        while (sent < BIG + chunk.length) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === "/hang") return; // never answers
    res.writeHead(404, { "content-type": "text/html" }).end("<p>Not here</p>");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("Capture now", () => {
  it("keeps an HTML page: bytes, SHA-256, size, type, final address after a redirect, status, who and when", async () => {
    const before = Date.now();
    const copy = await captureUrl(t.prisma, users.editor, `${base}/moved`, LOCAL);
    expect(copy).toMatchObject({
      sha256: sha(PAGE),
      size: PAGE.length,
      contentType: "text/html",
      finalUrl: `${base}/article.html`,
      method: "fetched",
    });
    const row = await t.prisma.capture.findUniqueOrThrow({ where: { id: copy.id }, include: { content: true } });
    expect(row).toMatchObject({
      requestedUrl: `${base}/moved`,
      finalUrl: `${base}/article.html`,
      httpStatus: 200,
      method: "fetched",
      capturedById: users.editor.id,
    });
    expect(row.capturedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(Buffer.from(row.content.bytes).equals(PAGE)).toBe(true);
    expect(row.content.fullText).toContain(`“${QUOTE}”`);
    expect(row.content.fullText).toContain("Home | World"); // everything visible, for checking quotes
    expect(row.content.text).not.toContain("Home | World"); // the article, for reading
  });

  it("keeps a PDF and a plain text file with their text", async () => {
    const pdf = await captureUrl(t.prisma, users.contributor, `${base}/statement.pdf`, LOCAL);
    expect(pdf).toMatchObject({ sha256: sha(PDF), size: PDF.length, contentType: "application/pdf" });
    expect(pdf.fullText).toBe("Statement of the ministry.\nWe will not supply arms to anyone.");
    const text = await captureUrl(t.prisma, users.contributor, `${base}/statement.txt`, LOCAL);
    expect(text).toMatchObject({ sha256: sha(TEXT), size: TEXT.length, contentType: "text/plain" });
    expect(text.fullText).toBe(TEXT.toString());
  });

  it("stores identical bytes once, and each capture as its own row", async () => {
    const before = await counts();
    const a = await captureUrl(t.prisma, users.editor, `${base}/article.html`, LOCAL);
    const b = await captureUrl(t.prisma, users.contributor, `${base}/article.html`, LOCAL);
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(await counts()).toEqual({ captures: before.captures + 2, contents: before.contents });
    expect(await t.prisma.capture.count({ where: { sha256: sha(PAGE) } })).toBeGreaterThanOrEqual(3);
    expect(await t.prisma.captureContent.count({ where: { sha256: sha(PAGE) } })).toBe(1);
  });

  it.each([
    ["127.0.0.1 when it is not allowed", () => `${base}/article.html`, {}, "private or local network"],
    ["a 10.x address", () => "http://10.1.2.3/", LOCAL, "private or local network"],
    [
      "a link-local (cloud metadata) address",
      () => "http://169.254.169.254/latest/meta-data/",
      LOCAL,
      "private or local network",
    ],
    ["a redirect into 10.x", () => `${base}/to-private`, LOCAL, "private or local network"],
    ["a redirect into 169.254.x", () => `${base}/to-metadata`, LOCAL, "private or local network"],
    ["a body over 10 MB", () => `${base}/huge`, LOCAL, "larger than the size limit"],
    ["a server that never answers", () => `${base}/hang`, { ...LOCAL, timeoutMs: 300 }, "took too long"],
    ["a 404", () => `${base}/gone`, LOCAL, "The address answered 404 Not Found; nothing was captured."],
    ["an image", () => `${base}/image.png`, LOCAL, "answered with image/png, which cannot be checked for quotes"],
    ["a non-web address", () => "file:///etc/passwd", LOCAL, "Only http:// and https:// addresses"],
    [
      "an address carrying a password",
      () => `http://editor:secret@${base.slice(7)}/article.html`,
      LOCAL,
      "user name or password in them cannot be captured",
    ],
  ])("refuses %s and stores nothing", async (_what, url, options, message) => {
    const before = await counts();
    await expect(captureUrl(t.prisma, users.editor, url(), { allowPrivateHosts: [], ...options })).rejects.toThrow(
      message,
    );
    expect(await counts()).toEqual(before);
  });
});

describe("Upload a saved copy", () => {
  it.each([
    ["an HTML page", PAGE, "text/html", "article.html", "text/html"],
    ["a PDF", PDF, "application/pdf", "statement.pdf", "application/pdf"],
    ["a PDF named as text", PDF, "text/plain", "statement.txt", "application/pdf"],
    ["plain text", TEXT, "text/plain", "statement.txt", "text/plain"],
  ])("keeps %s, told apart by its bytes", async (_what, bytes, declared, name, kind) => {
    const copy = await uploadCopy(t.prisma, users.contributor, {
      bytes,
      declaredType: declared,
      fileName: `C:\\Users\\me\\${name}`,
      url: "https://example.org/statement",
    });
    expect(copy).toMatchObject({ sha256: sha(bytes), size: bytes.length, contentType: kind, method: "uploaded" });
    expect(copy.fullText).toContain(QUOTE);
    const row = await t.prisma.capture.findUniqueOrThrow({ where: { id: copy.id } });
    expect(row).toMatchObject({
      method: "uploaded",
      fileName: name,
      requestedUrl: "https://example.org/statement",
      finalUrl: null,
      httpStatus: null,
      capturedById: users.contributor.id,
    });
  });

  it.each([
    [
      "a PNG image",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      "text/html",
      "page.html",
      "This file is a PNG image",
    ],
    [
      "a Windows program",
      Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]),
      "application/pdf",
      "report.pdf",
      "This file is a program (Windows executable)",
    ],
    ["a file over 10 MB", Buffer.alloc(BIG, "a"), "text/plain", "big.txt", "larger than 10 MB"],
    ["a page with a non-web address", PAGE, "text/html", "page.html", "must start with http:// or https://"],
  ])("refuses %s and stores nothing", async (what, bytes, declared, name, message) => {
    const before = await counts();
    const url = what.includes("non-web") ? "javascript:alert(1)" : null;
    await expect(
      uploadCopy(t.prisma, users.editor, { bytes, declaredType: declared, fileName: name, url }),
    ).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });
});

describe("who may keep copies", () => {
  it("refuses an anonymous caller, and lets contributors capture (they write drafts whose quotes need copies)", async () => {
    const before = await counts();
    await expect(captureUrl(t.prisma, null, `${base}/article.html`, LOCAL)).rejects.toThrow("Sign in first.");
    await expect(
      uploadCopy(t.prisma, undefined, { bytes: TEXT, declaredType: "text/plain", fileName: "a.txt" }),
    ).rejects.toThrow("Sign in first.");
    expect(await counts()).toEqual(before);
    await expect(captureUrl(t.prisma, users.contributor, `${base}/statement.txt`, LOCAL)).resolves.toMatchObject({
      contentType: "text/plain",
    });
  });
});
