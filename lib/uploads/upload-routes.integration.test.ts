// The two upload routes (CSV import, a saved copy) as a browser reaches them: the Origin and the
// caller's role are checked before a byte of the body is read, and the body is read only up to
// the route's own limit. Only the session is replaced; the database is real.
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SIGN_IN_FIRST } from "../auth/guard";
import type { SessionUser } from "../auth/roles";
import { MAX_COPY_BYTES } from "../captures/limits";
import { COPY_TOO_BIG, uploadCopyRequest } from "../captures/upload-copy";
import { EVENT_COLUMNS } from "../export/csv";
import { MAX_UPLOAD_BYTES, TOO_BIG_MESSAGE } from "../import/limits";
import { importUpload } from "../import/run-import";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { CROSS_SITE_MESSAGE } from "./accept-upload";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("../authz", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "editor@uploads.example", "editor");
});

const BOUNDARY = "----upload-test";
const CHUNK = 64 * 1024;

/** A multipart body of `size` bytes that counts what the server pulled from it. */
function countedBody(size: number) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const head = new TextEncoder().encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="events"; filename="events.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= size) return controller.close();
        const chunk = sent === 0 ? head : new Uint8Array(Math.min(CHUNK, size - sent)).fill(0x61);
        sent += chunk.byteLength;
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`http://tracker.example${path}`, {
    method: "POST",
    body,
    headers: { host: "tracker.example", ...headers },
    duplex: "half",
  } as RequestInit);
}
const multipart = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

describe("the upload routes", () => {
  it("refuse a signed-out caller without reading the body", async () => {
    session.user = null;
    for (const [route, handler] of [
      ["/editor/uploads/import", importUpload],
      ["/editor/uploads/copy", uploadCopyRequest],
    ] as const) {
      const { stream, pulled } = countedBody(50 * 1024 * 1024);
      const res = await handler(post(route, stream, multipart));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: SIGN_IN_FIRST });
      expect(pulled.bytes, route).toBe(0);
    }
  });

  it("refuse a write from another site without reading the body, signed in or not", async () => {
    session.user = editor;
    const { stream, pulled } = countedBody(1024 * 1024);
    const res = await importUpload(
      post("/editor/uploads/import", stream, { ...multipart, origin: "https://evil.example" }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: CROSS_SITE_MESSAGE });
    expect(pulled.bytes).toBe(0);
  });

  it("stop reading an import past its limit, and say so in a sentence", async () => {
    session.user = editor;
    const { stream, pulled } = countedBody(60 * 1024 * 1024);
    const res = await importUpload(post("/editor/uploads/import", stream, multipart));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: TOO_BIG_MESSAGE });
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 2 * CHUNK);
    // A declared length over the limit is refused unread.
    const declared = countedBody(1024);
    const refused = await importUpload(
      post("/editor/uploads/import", declared.stream, { ...multipart, "content-length": String(MAX_UPLOAD_BYTES + 1) }),
    );
    expect(refused.status).toBe(413);
    expect(declared.pulled.bytes).toBe(0);
  });

  it("stop reading a copy past its limit", async () => {
    session.user = editor;
    const { stream, pulled } = countedBody(30 * 1024 * 1024);
    const res = await uploadCopyRequest(post("/editor/uploads/copy", stream, multipart));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: COPY_TOO_BIG });
    expect(pulled.bytes).toBeLessThanOrEqual(MAX_COPY_BYTES + 256 * 1024);
  });

  it("check and import a file sent as the form sends it, with JSON the form shows", async () => {
    session.user = editor;
    const csv = stringify(
      [
        {
          id: "2024-03-03-upload-route",
          title: "An uploaded draft",
          summary: "Fine.",
          event_type: "aid-trade",
          claim_status: "confirmed",
          start_date: "2024-03-03",
          date_precision: "day",
          approximate: "false",
          actors: "Russia (supplier)",
          status: "draft",
        },
      ],
      { header: true, columns: [...EVENT_COLUMNS] },
    );
    const form = (mode: string) => {
      const f = new FormData();
      f.set("events", new File([csv], "events.csv", { type: "text/csv" }));
      f.set("mode", mode);
      f.set("status", "draft");
      return f;
    };
    const check = await importUpload(
      post("/editor/uploads/import", form("dry-run"), { origin: "http://tracker.example" }),
    );
    expect(check.status).toBe(200);
    expect(await check.json()).toMatchObject({ rows: 1, created: 1, errors: [], committed: false, dryRun: true });
    const done = await importUpload(post("/editor/uploads/import", form("commit")));
    expect(await done.json()).toMatchObject({ rows: 1, created: 1, committed: true });
    expect(
      await t.prisma.event.findUnique({ where: { id: "2024-03-03-upload-route" }, select: { status: true } }),
    ).toEqual({ status: "draft" });
    const bad = new FormData();
    bad.set("events", new File([csv], "events.csv"));
    bad.set("status", "archived");
    const forged = await importUpload(post("/editor/uploads/import", bad));
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ message: "Choose the status of new events from the list." });
  });
});
