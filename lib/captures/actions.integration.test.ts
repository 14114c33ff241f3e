// The copy actions, the upload route and the copy routes as the editor's browser calls them (only the session is replaced),
// and what saving an event with a copy stores: the quote checked against it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import type { SessionUser } from "../auth/roles";
import { createEvent, updateEvent } from "../events/mutations";
import type { EventInput } from "../events/schemas";
import { setUpTestDatabase } from "../testing/test-database";
import { captureSourceAction, checkQuoteAction, type CopyActionResult, type CopyResult } from "./actions";
import { uploadCopyRequest } from "./upload-copy";
import { copyResponse } from "./copy-response";
import { makeArticlePage, makePdf } from "./fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("../authz", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));

const QUOTE = "Our ships will carry no weapons to the peninsula.";
const CHANGED = "Our ships will carry no missiles to the peninsula.";
const PAGE = Buffer.from(makeArticlePage(QUOTE));

const t = setUpTestDatabase();
let server: http.Server;
let pageUrl: string;
const users = {} as Record<"contributor" | "editor", SessionUser>;

beforeAll(async () => {
  process.env.FETCH_ALLOW_PRIVATE_HOSTS = "127.0.0.1"; // as the e2e server runs, for the local page
  await seedDatabase(t.prisma);
  for (const role of ["contributor", "editor"] as const) {
    const u = await t.prisma.user.create({ data: { email: `${role}@actions.example`, name: role, role } });
    users[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  server = http.createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html`;
});
afterAll(async () => {
  delete process.env.FETCH_ALLOW_PRIVATE_HOSTS;
  await new Promise<void>((r) => server.close(() => r()));
});

const ok = (r: CopyActionResult): CopyResult => {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
};
/** As the copy panel posts a file; a refusal before the route's own checks is a bare { message }. */
async function uploadCopyForm(form: FormData): Promise<CopyActionResult> {
  const res = await uploadCopyRequest(
    new Request("http://tracker.test/editor/uploads/copy", { method: "POST", body: form }),
  );
  const body = (await res.json()) as CopyActionResult | { message: string };
  return "ok" in body ? body : { ok: false, message: body.message };
}
const upload = (bytes: Buffer, name: string, type: string, quote = QUOTE) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  form.set("url", "https://example.org/statement");
  form.set("quote", quote);
  return uploadCopyForm(form);
};

describe("the copy actions", () => {
  it("capture a page and check the quote against it at once", async () => {
    session.user = users.contributor;
    const r = ok(await captureSourceAction(pageUrl, QUOTE));
    expect(r).toMatchObject({
      contentType: "text/html",
      method: "fetched",
      size: PAGE.length,
      finalUrl: pageUrl,
      check: { status: "verified" },
    });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(r.capturedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(r.check.passage).toContain(`[${QUOTE}]`);
    expect(ok(await checkQuoteAction(r.captureId, CHANGED)).check).toEqual({ status: "not_found" });
    expect(ok(await checkQuoteAction(r.captureId, "")).check).toEqual({ status: "no_quote" });
  });

  it("upload a saved PDF, and refuse a PNG with a sentence", async () => {
    session.user = users.editor;
    const pdf = ok(await upload(makePdf([QUOTE]), "statement.pdf", "application/pdf"));
    expect(pdf).toMatchObject({
      contentType: "application/pdf",
      method: "uploaded",
      finalUrl: "https://example.org/statement",
      check: { status: "verified" },
    });
    expect(await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), "page.html", "text/html")).toEqual({
      ok: false,
      message: expect.stringMatching(/^This file is a PNG image, not a saved page\./),
    });
  });

  it("refuse anonymous callers and bad input with a sentence, never a stack trace", async () => {
    session.user = null;
    const before = await t.prisma.capture.count();
    for (const r of [
      await captureSourceAction(pageUrl, QUOTE),
      await upload(Buffer.from("text"), "a.txt", "text/plain"),
      await checkQuoteAction(1, QUOTE),
    ]) {
      expect(r).toEqual({ ok: false, message: "Sign in first." });
    }
    session.user = users.editor;
    expect(await captureSourceAction("  ", QUOTE)).toEqual({
      ok: false,
      message: "Give the source's web address first.",
    });
    expect(await captureSourceAction("http://10.9.8.7/", QUOTE)).toEqual({
      ok: false,
      message: expect.stringContaining("private or local network"),
    });
    expect(await checkQuoteAction(2 ** 31 - 1, QUOTE)).toEqual({
      ok: false,
      message: "This copy no longer exists; capture or upload the source again.",
    });
    expect(await checkQuoteAction(-1 as number, QUOTE)).toEqual({
      ok: false,
      message: expect.stringContaining("cannot be found"),
    });
    expect(await uploadCopyForm(new FormData())).toEqual({ ok: false, message: "Choose a file to upload." });
    expect(await t.prisma.capture.count()).toBe(before);
  });
});

describe("the editor routes for a copy", () => {
  let copy: CopyResult;
  beforeAll(async () => {
    session.user = users.editor;
    copy = ok(await captureSourceAction(pageUrl));
  });
  const get = (path: string, what: "text" | "original", id = String(copy.captureId)) =>
    copyResponse(new Request(`http://tracker.test${path}`), id, what);

  it("send the original only as a sandboxed download", async () => {
    const res = await get(`/editor/copies/${copy.captureId}/original`, "original");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="copy-${copy.captureId}-${copy.sha256.slice(0, 12)}.html"`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(Buffer.from(await res.arrayBuffer()).equals(PAGE)).toBe(true);
  });

  it("show the text as plain text, readable or in full", async () => {
    const res = await get(`/editor/copies/${copy.captureId}`, "text");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await res.text();
    expect(body).toContain(`SHA-256: ${copy.sha256}`);
    expect(body).toContain(QUOTE);
    expect(body).not.toContain("Home | World");
    expect(
      await (
        await copyResponse(
          new Request(`http://tracker.test/editor/copies/${copy.captureId}?full=1`),
          String(copy.captureId),
          "text",
        )
      ).text(),
    ).toContain("Home | World");
  });

  it("answer 404 for no such copy, and send anonymous callers to sign in", async () => {
    expect((await get("/editor/copies/999999", "original", "999999")).status).toBe(404);
    expect((await get("/editor/copies/abc", "text", "abc")).status).toBe(404);
    session.user = null;
    const res = await get(`/editor/copies/${copy.captureId}/original`, "original");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `http://tracker.test/signin?from=%2Feditor%2Fcopies%2F${copy.captureId}%2Foriginal`,
    );
    session.user = users.editor;
  });
});

describe("saving an event with a copy", () => {
  const event = (id: string, sources: EventInput["sources"]): EventInput => ({
    id,
    title: "Ships and weapons",
    summary: "A ministry statement.",
    type: "statement-warning",
    claimStatus: "confirmed",
    startDate: "2024-03-01",
    precision: "day",
    approximate: false,
    countryCodes: [],
    tags: [],
    itemCategories: [],
    status: "draft",
    actors: [{ actor: "russia", role: "speaker" }],
    sources,
  });
  const source = (quote: string, captureId?: number, title = "Statement"): EventInput["sources"][number] => ({
    url: pageUrl,
    title,
    sourceType: "official",
    stance: "supports",
    quote,
    language: "en",
    captureId,
  });
  const stored = (id: string) => t.prisma.source.findMany({ where: { eventId: id }, orderBy: { position: "asc" } });

  it("stores the quote as verified, then not found after one word changes; the copy moves with its source", async () => {
    session.user = users.editor;
    const { captureId } = ok(await captureSourceAction(pageUrl));
    const id = "2024-03-01-ships-and-weapons";
    const { version } = await createEvent(
      t.prisma,
      users.editor,
      event(id, [source(QUOTE, captureId), source(QUOTE, undefined, "Uncaptured")]),
    );
    let [first, second] = await stored(id);
    expect([first.captureId, first.quoteCheck]).toEqual([captureId, "verified"]);
    expect(first.quoteMatch).toContain(`[${QUOTE}]`);
    expect([second.captureId, second.quoteCheck]).toEqual([null, "no_copy"]);

    // The same two sources, swapped, with one word of the captured one's quote changed.
    await updateEvent(
      t.prisma,
      users.editor,
      id,
      version,
      event(id, [source(QUOTE, undefined, "Uncaptured"), source(CHANGED, captureId)]),
    );
    [first, second] = await stored(id);
    expect([first.title, first.captureId, first.quoteCheck]).toEqual(["Uncaptured", null, "no_copy"]);
    expect([second.title, second.captureId, second.quoteCheck, second.quoteMatch]).toEqual([
      "Statement",
      captureId,
      "not_found",
      null,
    ]);
  });
});
