import { describe, expect, it } from "vitest";
import { MAX_LIMIT, parseApiListParams } from "./list-params";

const parse = (qs: string, opts?: Parameters<typeof parseApiListParams>[1]) =>
  parseApiListParams(new URLSearchParams(qs), opts);

describe("parseApiListParams", () => {
  it("gives the defaults for no parameters", () => {
    const r = parse("");
    expect(r.ok && { ...r.value, query: undefined }).toEqual({
      query: undefined,
      limit: 50,
      cursor: null,
      since: null,
      fields: null,
      include: new Set(),
    });
  });

  it("refuses what /events would ignore, and every bad API parameter, naming each once in order", () => {
    expect(
      parse(`type=homepage&page=2&pageSize=3&limit=${MAX_LIMIT + 1}&cursor=x&updated_since=0000-01-01T00:00:00Z`),
    ).toEqual({
      ok: false,
      message:
        "Ignored unknown event type “homepage”. The API pages with `cursor` and `limit`, not `page` and `pageSize`. " +
        "limit must be a whole number from 1 to 100. cursor is not one this API gave out. " +
        "updated_since must be an ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z.",
      parameters: ["type", "page", "pageSize", "limit", "cursor", "updated_since"],
    });
  });

  it("for as_of: its own problems after the filters', and updated_since refused before limit", () => {
    expect(
      parse("claim=maybe&updated_since=2026-01-01T00:00:00Z&limit=0", {
        problems: [{ param: "as_of", message: "as_of is empty." }],
        sinceRefused: "No updated_since with as_of.",
      }),
    ).toEqual({
      ok: false,
      message:
        "Ignored unknown claim status “maybe”. as_of is empty. No updated_since with as_of. limit must be a whole number from 1 to 100.",
      parameters: ["claim", "as_of", "updated_since", "limit"],
    });
  });

  it("reads updated_since, limit, fields and include", () => {
    const r = parse("updated_since=2026-01-31T00:00:00Z&limit=7&fields=id,title&include=count");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ limit: 7, since: new Date("2026-01-31T00:00:00Z"), fields: ["id", "title"] });
    expect(r.value.include.has("count")).toBe(true);
  });
});
