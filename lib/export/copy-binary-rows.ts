// The export's COPY runs WITH (FORMAT binary) over one text column per row: the CSV record the
// export rows keep ready (csv_tail), so PostgreSQL sends each record's bytes untouched, CRLF
// included (FORMAT csv would quote the whole record again, and ends lines with a bare LF).
// Binary COPY frames each row: a 19-byte file header (plus an extension area) first, then per
// row a 16-bit field count and a 32-bit length before the bytes, and -1 as the count at the end.
// https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER = SIGNATURE.length + 8; // signature, flags, extension length
const EMPTY = Buffer.alloc(0);

/**
 * Turns binary COPY chunks, which may end anywhere, into the bytes of the whole rows they
 * complete. Bytes of an unfinished row wait for the next chunk, so a stream that fails midway
 * has only whole records before its error marker.
 */
export class BinaryCopyRows {
  private tail: Buffer = EMPTY;
  private headerRead = false;
  private ended = false;

  /** The bytes of the rows `chunk` completes, joined; possibly empty. */
  push(chunk: Uint8Array): Buffer {
    const buf = this.tail.length
      ? Buffer.concat([this.tail, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let at = 0;
    if (!this.headerRead) {
      if (buf.length < HEADER) return this.keep(buf, 0);
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error("Not a binary COPY stream.");
      const extension = buf.readUInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER + extension) return this.keep(buf, 0);
      at = HEADER + extension;
      this.headerRead = true;
    }
    // Where each row's bytes start and end, then one copy of them all: no object per row.
    const spans: number[] = [];
    let total = 0;
    while (!this.ended && buf.length - at >= 2) {
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      if (fields !== 1) throw new Error(`A COPY row of ${fields} fields; the export selects one.`);
      if (buf.length - at < 6) break;
      const length = buf.readInt32BE(at + 2);
      if (length < 0) throw new Error("A null CSV record in the export rows.");
      if (buf.length - at < 6 + length) break;
      spans.push(at + 6, at + 6 + length);
      total += length;
      at += 6 + length;
    }
    const out = Buffer.allocUnsafe(total);
    for (let i = 0, to = 0; i < spans.length; i += 2) to += buf.copy(out, to, spans[i], spans[i + 1]);
    this.keep(buf, at);
    return out;
  }

  private keep(buf: Buffer, from: number): Buffer {
    // A copy, so the chunk it came from is not held alive by a few bytes.
    this.tail = from < buf.length ? Buffer.from(buf.subarray(from)) : EMPTY;
    return EMPTY;
  }

  /** Whether the end marker came, with nothing after it: a whole COPY. */
  get finished(): boolean {
    return this.ended && !this.tail.length;
  }
}
