// What an outage drill measures: how the app answered during and after the outage (from the
// load's samples), and whether the database kept every acknowledged write whole.
import pg from "pg";
import type { Sample } from "./chaos-load";

export interface OutageFigures {
  duringCount: number;
  /** Answers to requests made during the outage, by status ("0" = no answer at all). */
  duringByStatus: Record<string, number>;
  /** Of those, the app's own 503 with Retry-After. */
  clear503: number;
  slowestDuringMs: number;
  slowestDuringPath: string;
  /** Requests running when PostgreSQL was told to stop or made while it shut down, by status: a query cut off mid-way shows the error page. */
  inFlightByStatus: Record<string, number>;
  /** Requests made after PostgreSQL was back but before the first normal answer, by status. */
  recoveringByStatus: Record<string, number>;
  /** From the database accepting connections again to the end of the first normal read answer. */
  recoveryMs: number | null;
  /** Non-2xx answers to requests made before the outage or after the recovery (should be none). */
  errorsOutside: number;
  total: number;
}

const byStatus = (samples: Sample[]) => {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[String(s.status)] = (counts[String(s.status)] ?? 0) + 1;
  return counts;
};

/**
 * `stopAsked` is when PostgreSQL was sent its shutdown, `stopped` when its process had exited:
 * the outage proper runs from `stopped` to `databaseBack`. Requests racing the shutdown itself
 * are reported apart (inFlight), since a query PostgreSQL terminates mid-page can only fail.
 */
export function outageFigures(
  samples: Sample[],
  stopAsked: number,
  stopped: number,
  databaseBack: number,
  recoveryMs: number | null = null,
): OutageFigures {
  const during = samples.filter((s) => s.start >= stopped && s.start < databaseBack);
  const slowest = during.reduce<Sample | null>((m, s) => (!m || s.end - s.start > m.end - m.start ? s : m), null);
  const reads = samples.filter((s) => s.kind !== "save" && s.start >= databaseBack).sort((a, b) => a.end - b.end);
  const firstNormal = reads.find((s) => s.status >= 200 && s.status < 400);
  const recovered = recoveryMs ?? (firstNormal ? firstNormal.end - databaseBack : null);
  const recoveredAt = databaseBack + (recovered ?? Infinity);
  const inFlight = samples.filter((s) => s.start < stopped && s.end >= stopAsked);
  const recovering = samples.filter((s) => s.start >= databaseBack && s.start <= recoveredAt);
  const outside = samples.filter((s) => s.end < stopAsked || s.start > recoveredAt);
  return {
    duringCount: during.length,
    duringByStatus: byStatus(during),
    clear503: during.filter((s) => s.status === 503 && s.retryAfter).length,
    slowestDuringMs: slowest ? slowest.end - slowest.start : 0,
    slowestDuringPath: slowest?.path ?? "",
    inFlightByStatus: byStatus(inFlight),
    recoveringByStatus: byStatus(recovering),
    recoveryMs: recovered,
    errorsOutside: outside.filter((s) => s.status < 200 || s.status >= 400).length,
    total: samples.length,
  };
}

export interface IntegrityFigures {
  acknowledged: number;
  found: number;
  lost: string[];
  /** Events whose latest revision is missing or disagrees with the event, its sources or its actors. */
  halfWritten: string[];
  events: number;
}

/**
 * Every acknowledged save must be in the database, and every event must be whole: a revision
 * for its current version (written in the same transaction), and sources, actors and title
 * matching that revision's snapshot.
 */
export async function checkIntegrity(databaseUrl: string, acknowledged: string[]): Promise<IntegrityFigures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const found = await client.query<{ id: string }>("SELECT id FROM event WHERE id = ANY($1)", [acknowledged]);
    const foundIds = new Set(found.rows.map((r) => r.id));
    const half = await client.query<{ id: string }>(`
      SELECT e.id FROM event e
      LEFT JOIN LATERAL (SELECT snapshot, version FROM revision r WHERE r.event_id = e.id ORDER BY r.version DESC, r.id DESC LIMIT 1) r ON true
      WHERE r.version IS DISTINCT FROM e.version
         OR r.snapshot->>'title' IS DISTINCT FROM e.title
         OR jsonb_array_length(COALESCE(r.snapshot->'sources', '[]'::jsonb)) <> (SELECT count(*) FROM source s WHERE s.event_id = e.id)
         OR jsonb_array_length(COALESCE(r.snapshot->'actors', '[]'::jsonb)) <> (SELECT count(*) FROM event_actor a WHERE a.event_id = e.id)`);
    const total = await client.query<{ n: string }>("SELECT count(*) AS n FROM event");
    return {
      acknowledged: acknowledged.length,
      found: foundIds.size,
      lost: acknowledged.filter((id) => !foundIds.has(id)),
      halfWritten: half.rows.map((r) => r.id),
      events: Number(total.rows[0].n),
    };
  } finally {
    await client.end();
  }
}
