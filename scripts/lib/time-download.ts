// One timed GET for the benches (export and render).
import http from "node:http";

/**
 * Streams a URL to the end with node:http, as curl would: no Accept-Encoding unless asked, and
 * compressed bytes are counted, never decompressed. The benches measure the server, and this
 * process shares its two cores: fetch asks for gzip and then decompresses every answer (~40 MB
 * for the CSV export) on the clock. Time to first byte, newline count, bytes, seconds.
 */
export function timeDownload(url: string, opts: { gzip?: boolean; onChunk?: () => void } = {}) {
  return new Promise<{ ttfbMs: number; lines: number; bytes: number; seconds: number }>((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = 0;
    let lines = 0;
    let bytes = 0;
    const headers = opts.gzip ? { "accept-encoding": "gzip" } : {};
    http
      .get(url, { headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
        res.on("data", (chunk: Buffer) => {
          if (!ttfb) ttfb = performance.now() - t0;
          bytes += chunk.length;
          for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
          opts.onChunk?.();
        });
        res.on("end", () => resolve({ ttfbMs: ttfb, lines, bytes, seconds: (performance.now() - t0) / 1000 }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}
