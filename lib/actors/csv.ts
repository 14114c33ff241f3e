// /actors.csv: one row per public actor. The cells follow the events export's rules
// (lib/export/csv.ts): RFC 4180 quoting, lists joined by " | ", formulas neutralised. Pure.
import { LIST_SEPARATOR, neutralize } from "../export/csv";
import type { ActorListRow } from "./queries";

export const ACTOR_COLUMNS = ["slug", "name", "kind", "country_code", "aliases", "description", "event_count"] as const;

function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function actorsCsv(rows: ActorListRow[]): string {
  const lines = [ACTOR_COLUMNS.join(",")];
  for (const a of rows) {
    lines.push(
      [a.slug, a.name, a.kind, a.country, a.aliases.join(LIST_SEPARATOR), a.description, a.eventCount]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
