import { parseAsOf } from "@/lib/as-of/parse";
import type { RawParams } from "@/lib/events/query-params";
import "./as-of.css";

/** The same address without as_of: today's record of the same view. */
export function todayHref(path: string, raw: RawParams): string {
  const p = new URLSearchParams();
  const entries =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) =>
          Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]],
        );
  for (const [k, v] of entries) if (k !== "as_of") p.append(k, v as string);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Says which record a page shows when `as_of` is given: "The record as of 1 December 2026 — see
 * today's", or why the value was refused (today's record is shown then, and says so).
 */
export function AsOfNotice({ raw, path }: { raw: RawParams; path: string }) {
  const parsed = parseAsOf(raw);
  if (parsed.asOf === null) return null;
  const today = todayHref(path, raw);
  if (parsed.error !== undefined) {
    return (
      <div className="notice as-of-notice" role="note" aria-label="Date of the record">
        <p>
          <strong>{parsed.error}</strong> This page shows today&apos;s record instead.{" "}
          <a href={today}>Open today&apos;s record without as_of</a>.
        </p>
      </div>
    );
  }
  const { asOf } = parsed;
  return (
    <div className="notice as-of-notice" role="note" aria-label="Date of the record">
      <p>
        <strong>
          The record as of <time dateTime={asOf.at.toISOString()}>{asOf.label}</time>
        </strong>{" "}
        — <a href={today}>see today&apos;s</a>
      </p>
      <p className="muted">
        {asOf.dateOnly ? "A date alone means the end of that day, UTC. " : ""}
        Events published since are absent, and corrections, retractions and deletions made since are not applied. Actor
        names are today&apos;s.
      </p>
    </div>
  );
}
