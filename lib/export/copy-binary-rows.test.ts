import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BinaryCopyRows } from "./copy-binary-rows";

/** A binary COPY of one text column, framed as PostgreSQL frames it. */
function binaryCopy(rows: string[], extension = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(extension.length, 4);
  const framed = rows.map((r) => {
    const data = Buffer.from(r);
    const frame = Buffer.alloc(6);
    frame.writeInt16BE(1, 0);
    frame.writeInt32BE(data.length, 2);
    return Buffer.concat([frame, data]);
  });
  return Buffer.concat([
    Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
    header,
    extension,
    ...framed,
    Buffer.from([0xff, 0xff]),
  ]);
}

// Records of anything: quotes, commas, CR, LF, empty ones, and multi-byte characters.
const record = fc
  .array(fc.constantFrom('"', ",", "\r", "\n", "\r\n", "é", "🚀", "a", " ", ""), { maxLength: 8 })
  .map((p) => p.join(""));

describe("BinaryCopyRows", () => {
  it("gives back exactly the rows' bytes, wherever the chunks are cut", () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.uint8Array({ maxLength: 5 }),
        (rows, cuts, ext) => {
          const copy = binaryCopy(rows, Buffer.from(ext));
          const points = [...new Set(cuts.map((c) => c % (copy.length + 1)))].sort((a, b) => a - b);
          const reader = new BinaryCopyRows();
          const out: Buffer[] = [];
          let from = 0;
          for (const p of [...points, copy.length]) {
            out.push(reader.push(copy.subarray(from, p)));
            from = p;
          }
          expect(Buffer.concat(out).toString()).toBe(rows.join(""));
          expect(reader.finished).toBe(true);
        },
      ),
    );
  });

  it("holds back an unfinished row until its last byte arrives", () => {
    const copy = binaryCopy(["a,b\r\n", 'c,"d\ne"\r\n']);
    const reader = new BinaryCopyRows();
    expect(reader.push(copy.subarray(0, 19 + 6 + 5 + 8)).toString()).toBe("a,b\r\n");
    expect(reader.finished).toBe(false);
    expect(reader.push(copy.subarray(38)).toString()).toBe('c,"d\ne"\r\n');
    expect(reader.finished).toBe(true);
  });

  it("refuses a stream that is not binary COPY", () => {
    expect(() => new BinaryCopyRows().push(Buffer.from("id,url,title\nx,y,z\n"))).toThrow(/binary COPY/);
  });
});
