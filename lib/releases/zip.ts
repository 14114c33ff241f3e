// The release's zip, streamed and deterministic: the same files always give the same bytes.
// fflate writes no extra fields unless asked, so what could vary is fixed here: the order (the
// release's file order), the compression level, and the modification time, which ZIP stores as
// a DOS date and time in *local* time (fflate reads Date#getHours): a Date built from the release
// day's UTC parts at noon gives the same fields in every time zone (noon is never in a DST gap).
// Streamed (each file deflated as its chunks arrive, sizes in data descriptors), so a release of
// 100,000 events never holds a whole file in memory. The zip is made once, with the release,
// and stored: a later fflate whose deflate output differs can never change a release made.
import { Zip, ZipDeflate } from "fflate";

const BLOCK = 1 << 16;

export const zipName = (packageName: string, version: string) => `${packageName}-${version}.zip`;

export interface ZipFileWriter {
  push(chunk: Uint8Array): void;
  end(): void;
}

export class ReleaseZip {
  private readonly zip: Zip;
  private readonly mtime: Date;
  private error: Error | null = null;
  private ended = false;

  /** `onData` gets the zip's bytes in order, synchronously, as they are made. */
  constructor(
    private readonly folder: string,
    createdAt: Date,
    onData: (chunk: Uint8Array) => void,
  ) {
    this.mtime = new Date(createdAt.getUTCFullYear(), createdAt.getUTCMonth(), createdAt.getUTCDate(), 12, 0, 0);
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.error = err;
      else {
        onData(chunk);
        if (final) this.ended = true;
      }
    });
  }

  /** A file of the zip; files must be written one after another, each ended before the next. */
  file(name: string): ZipFileWriter {
    const entry = new ZipDeflate(`${this.folder}/${name}`, { level: 6 });
    entry.mtime = this.mtime;
    entry.os = 3; // Unix, so that attrs are permissions: rw-r--r--
    entry.attrs = 0o644 << 16;
    this.zip.add(entry);
    // Deflate's output depends on where its input is cut: the chunks go in as fixed 64 kB
    // blocks, so the bytes depend on the file alone, never on how the network delivered it.
    const block = new Uint8Array(BLOCK);
    let filled = 0;
    return {
      push: (chunk) => {
        let at = 0;
        while (at < chunk.length) {
          const n = Math.min(BLOCK - filled, chunk.length - at);
          block.set(chunk.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === BLOCK) {
            entry.push(block.slice(), false);
            filled = 0;
          }
        }
      },
      end: () => entry.push(block.slice(0, filled), true),
    };
  }

  end(): void {
    this.zip.end();
    if (this.error) throw this.error;
    if (!this.ended) throw new Error("The zip did not end.");
  }
}

/** A whole zip in memory, for tests and small sets: the same bytes as the streamed one. */
export function releaseZip(folder: string, createdAt: Date, files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new ReleaseZip(folder, createdAt, (c) => parts.push(c));
  for (const f of files) {
    const w = zip.file(f.name);
    w.push(f.bytes);
    w.end();
  }
  zip.end();
  return Buffer.concat(parts);
}
