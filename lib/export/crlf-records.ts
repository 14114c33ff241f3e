// PostgreSQL's COPY … WITH (FORMAT csv) ends records with "\n"; our files always ended them with
// "\r\n" (RFC 4180, and what csv-stringify wrote), and readers may rely on it. A "\n" inside a
// quoted cell is data and stays as it is, so the rewrite follows the quoting: a byte scan where
// each '"' toggles "inside quotes" (an escaped quote, "", toggles twice). UTF-8 never uses the
// bytes of '"' or "\n" inside a multi-byte character, so scanning bytes is exact.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = new Uint8Array(0);

/**
 * Turns COPY's chunks, which may end anywhere (mid-record, mid-cell), into whole CRLF-ended
 * records. Bytes after the last complete record wait for the next chunk, so a stream that fails
 * midway has only whole records before its error marker.
 */
export class CrlfRecords {
  private tail: Uint8Array = EMPTY;
  private inQuotes = false;

  /** The complete records that `chunk` finishes, with "\r\n" ends; possibly empty. */
  push(chunk: Uint8Array): Uint8Array {
    const ends: number[] = [];
    let inQuotes = this.inQuotes;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === LF && !inQuotes) ends.push(i);
    }
    this.inQuotes = inQuotes;
    if (!ends.length) {
      this.tail = concat(this.tail, chunk);
      return EMPTY;
    }
    const last = ends[ends.length - 1];
    const out = new Uint8Array(this.tail.length + last + 1 + ends.length);
    out.set(this.tail);
    let o = this.tail.length;
    let from = 0;
    for (const end of ends) {
      out.set(chunk.subarray(from, end), o);
      o += end - from;
      out[o++] = CR;
      out[o++] = LF;
      from = end + 1;
    }
    this.tail = chunk.slice(last + 1);
    return out;
  }

  /** Bytes of an unfinished record (none after a whole COPY). */
  get pending(): number {
    return this.tail.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
