// Fuzzing the API's cursor: it is only base64url JSON, so anyone can forge one. Whatever comes
// in, decoding gives either null (the API answers 400) or values the keyset query can use.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStorableText } from "../validation/storable-text";
import { FUZZ_TIMEOUT, hostileString, hostileJson } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { decodeCursor, encodeCursor, type KeysetSort } from "./keyset";

const sorts: KeysetSort[] = ["-date", "date", "title", "-title", "updated"];
const forged = fc.oneof(
  hostileString,
  hostileJson.map((j) => Buffer.from(JSON.stringify(j) ?? "").toString("base64url")),
  fc
    .record({
      v: fc.oneof(
        hostileString,
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString())),
      ),
      id: fc.oneof(hostileString, fc.constant("an-event-id")),
    })
    .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url")),
);

describe("decodeCursor under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("gives null or a cursor the query can use, for any input and sort", () => {
    fc.assert(
      fc.property(forged, fc.constantFrom(...sorts), (raw, sort) => {
        const c = decodeCursor(raw, sort);
        if (!c) return;
        expect(c.id).toMatch(/^[a-z0-9-]{1,200}$/);
        // PostgreSQL takes any text but NUL; a lone surrogate would be changed on the way.
        expect(c.v).not.toMatch(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        if (sort !== "title" && sort !== "-title") {
          const t = new Date(c.v);
          expect(Number.isNaN(t.getTime())).toBe(false);
          expect(t.getUTCFullYear()).toBeGreaterThanOrEqual(1);
        }
      }),
      fuzzParams(),
    );
  });

  it("reads back every cursor it gives out", () => {
    const row = fc.record({
      id: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((s) => s.length >= 3 && s.length <= 120),
      spanStart: fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
      title: fc.string({ maxLength: 300 }).filter(isStorableText),
      updatedAt: fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(row, fc.constantFrom(...sorts), (r, sort) => {
        const field =
          sort === "updated" ? r.updatedAt.toISOString() : sort.endsWith("title") ? r.title : r.spanStart.toISOString();
        expect(decodeCursor(encodeCursor({ v: field, id: r.id }), sort)).toEqual({ v: field, id: r.id });
      }),
      fuzzParams(),
    );
  });

  it("refuses forged dates and NUL bytes (regression: they failed the query with a 500)", () => {
    const forge = (v: string, id = "an-event") => Buffer.from(JSON.stringify({ v, id })).toString("base64url");
    expect(decodeCursor(forge("not a date"), "-date")).toBeNull();
    expect(decodeCursor(forge("0000-01-01T00:00:00.000Z"), "updated")).toBeNull();
    expect(decodeCursor(forge("a\u0000b"), "title")).toBeNull();
    expect(decodeCursor(forge("a", "x\u0000"), "title")).toBeNull();
  });
});
