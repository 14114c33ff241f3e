// The release's zip, deterministic: the same files always give the same bytes. fflate writes
// no extra fields unless asked, so what could vary is fixed here: the order (the release's file
// order), the compression level, and the modification time, which ZIP stores as a DOS date and
// time in *local* time (fflate reads Date#getHours): a Date built from the release day's UTC
// parts at noon gives the same fields in every time zone (noon is never inside a DST gap).
// The zip is made once, when the release is, and stored with its files: a later fflate whose
// deflate output differs can never change a release already made.
import { zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export const zipName = (packageName: string, version: string) => `${packageName}-${version}.zip`;

export function releaseZip(folder: string, createdAt: Date, files: ZipEntry[]): Uint8Array {
  const mtime = new Date(createdAt.getUTCFullYear(), createdAt.getUTCMonth(), createdAt.getUTCDate(), 12, 0, 0);
  const tree: Zippable = {};
  for (const f of files) tree[`${folder}/${f.name}`] = [f.bytes, { level: 6, mtime, os: 3, attrs: 0o644 << 16 }];
  return zipSync(tree, { level: 6, mtime });
}
