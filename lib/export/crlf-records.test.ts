import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { CrlfRecords } from "./crlf-records";

// Cells of anything CSV must quote: quotes, commas, CR, LF, CRLF, and multi-byte characters.
const cell = fc.oneof(fc.string(), fc.array(fc.constantFrom('"', ",", "\r", "\n", "\r\n", "é", "🚀", "a", " "), { maxLength: 8 }).map((p) => p.join("")));
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
const quoteAll = { quote_record_delimiter: true } as const;

describe("CrlfRecords", () => {
  it("turns LF-ended records into CRLF-ended ones, wherever the chunks are cut", () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const lf = Buffer.from(stringify(rows, { ...quoteAll, record_delimiter: "unix" }));
        const points = [...new Set(cuts.map((c) => c % (lf.length + 1)))].sort((a, b) => a - b);
        const records = new CrlfRecords();
        const out: Buffer[] = [];
        let from = 0;
        for (const p of [...points, lf.length]) {
          out.push(Buffer.from(records.push(lf.subarray(from, p))));
          from = p;
        }
        expect(Buffer.concat(out).toString()).toBe(stringify(rows, { ...quoteAll, record_delimiter: "windows" }));
        expect(records.pending).toBe(0);
      }),
    );
  });

  it("holds back an unfinished record, a quoted LF included, until its end arrives", () => {
    const records = new CrlfRecords();
    expect(Buffer.from(records.push(Buffer.from('a,"x\ny'))).toString()).toBe("");
    expect(records.pending).toBe(6);
    expect(Buffer.from(records.push(Buffer.from('",b\nc'))).toString()).toBe('a,"x\ny",b\r\n');
    expect(records.pending).toBe(1);
  });
});
