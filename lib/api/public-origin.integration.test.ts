// Absolute URLs in the Atom feed, the API, the OpenAPI document and the CSV exports come from
// PUBLIC_URL, never from the request's Host: these answers are cached publicly (max-age), so a
// request naming another host must not put that host's links into what everyone else is served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-database";

const PUBLIC = "https://tracker.example.org";
const EVIL = "evil.example";
const SUMMIT = "2023-09-13-kim-putin-vostochny-summit";
setUpTestDatabase({ seed: true });

beforeAll(async () => {
  process.env.PUBLIC_URL = PUBLIC;
});
afterAll(async () => {
  delete process.env.PUBLIC_URL;
});

/** A request as Next.js builds it from a Host (or X-Forwarded-Host) header the caller chose. */
const forged = (path: string) =>
  new Request(`http://${EVIL}${path}`, { headers: { host: EVIL, "x-forwarded-host": EVIL } });

/** Every absolute http(s) URL in a text. */
const urls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>,|\\]+/g)].map((m) => m[0]);

async function expectOnlyPublicLinks(res: Response, what: string, sourceUrlsToo = false) {
  expect(res.status, what).toBe(200);
  const text = await res.text();
  expect(text, what).not.toContain(EVIL);
  const own = urls(text).filter((u) => !sourceUrlsToo || u.includes("/events"));
  expect(own.length, what).toBeGreaterThan(0);
  const ownLinks = own.filter((u) => /\/events|\/api\//.test(u));
  expect(ownLinks.length, what).toBeGreaterThan(0);
  for (const u of ownLinks) expect(u.startsWith(`${PUBLIC}/`), `${what}: ${u}`).toBe(true);
}

describe("absolute URLs under a forged Host", () => {
  it("the Atom feed links to PUBLIC_URL", async () => {
    const { GET } = await import("../../app/events.atom/route");
    await expectOnlyPublicLinks(await GET(forged("/events.atom")), "atom");
  });

  it("the API's event URLs come from PUBLIC_URL", async () => {
    const list = await import("../../app/api/v1/events/route");
    await expectOnlyPublicLinks(await list.GET(forged("/api/v1/events?limit=5")), "list", true);
    const one = await import("../../app/api/v1/events/[id]/route");
    await expectOnlyPublicLinks(
      await one.GET(forged(`/api/v1/events/${SUMMIT}`), { params: Promise.resolve({ id: SUMMIT }) }),
      "one",
      true,
    );
  });

  it("the OpenAPI document's server is PUBLIC_URL", async () => {
    const { GET } = await import("../../app/api/v1/openapi.json/route");
    // The handler no longer reads the request at all, so no Host can reach the document.
    const doc = (await GET().json()) as { servers: { url: string }[] };
    expect(doc.servers).toEqual([{ url: PUBLIC }]);
  });

  it("the CSV exports' event URLs come from PUBLIC_URL", async () => {
    for (const kind of ["events", "sources"] as const) {
      const { GET } = await import(`../../app/${kind}.csv/route`);
      const text = await ((await GET(forged(`/${kind}.csv`))) as Response).text();
      expect(text).not.toContain(EVIL);
      expect(text).toContain(`${PUBLIC}/events/${SUMMIT}`);
    }
  });
});
