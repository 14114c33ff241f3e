// Release benchmark (issue 15): making a release of the bench's data set (100,000 events), timed,
// with the peak memory growth of the process that makes it. It runs lib/releases/create.ts in this
// process, exactly as the admin page and `npm run release:create` do. Targets: under 60 s and
// under 300 MB of growth.
import { createPrismaClient } from "../../lib/prisma-client";
import { makeRelease } from "../../lib/releases/create";
import { datasetMetadata } from "../../lib/releases/metadata";

export interface ReleaseBench {
  version: string;
  events: number;
  sources: number;
  seconds: number;
  beforeMb: number;
  peakMb: number;
  growthMb: number;
  bytes: Record<string, number>;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * Makes one release of the database at `databaseUrl` and prints time and memory against the
 * targets. The peak: resident memory sampled every 20 ms, and the process's lifetime maximum when
 * the release set a new one (the zip is compressed synchronously, when no sample can run).
 */
export async function benchRelease(databaseUrl: string, title = "Bench release"): Promise<ReleaseBench> {
  const prisma = createPrismaClient(databaseUrl, 4);
  try {
    await prisma.$queryRaw`SELECT 1`; // the pool's first connection is not part of the measure
    global.gc?.();
    const before = process.memoryUsage().rss;
    const maxBefore = process.resourceUsage().maxRSS * 1024;
    let sampled = before;
    const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    let made;
    try {
      made = await makeRelease(prisma, { title }, null, datasetMetadata());
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - t0) / 1000;
    const maxAfter = process.resourceUsage().maxRSS * 1024;
    const peak = Math.max(sampled, process.memoryUsage().rss, maxAfter > maxBefore ? maxAfter : 0);
    const result: ReleaseBench = {
      version: made.version,
      events: made.eventCount,
      sources: made.sourceCount,
      seconds,
      beforeMb: mb(before),
      peakMb: mb(peak),
      growthMb: mb(peak - before),
      bytes: Object.fromEntries(made.files.map((f) => [f.name, f.size])),
    };
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `\nRelease ${result.version} of ${result.events.toLocaleString("en")} events and ${result.sources.toLocaleString("en")} sources`,
    );
    console.table(made.files.map((f) => ({ file: f.name, MB: Number(mb(f.size).toFixed(2)) })));
    console.log(
      `Made in ${seconds.toFixed(1)} s (target < 60 s, ${met(seconds < 60)}); memory ${result.beforeMb.toFixed(0)} MB before, peak ${result.peakMb.toFixed(0)} MB: growth ${result.growthMb.toFixed(0)} MB (target < 300 MB, ${met(result.growthMb < 300)}).`,
    );
    return result;
  } finally {
    await prisma.$disconnect();
  }
}
