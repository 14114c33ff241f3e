// The list endpoint's `fields` and `include` parameters. Field names are the event's own
// top-level JSON keys (what a caller already reads in a full answer), so a sparse answer is the
// full one with keys left out, never renamed; `date`, `actors` and `sources` come whole.
import { apiEventSchema } from "./schemas";

export type ApiField = keyof typeof apiEventSchema.shape;
export const API_FIELDS = Object.keys(apiEventSchema.shape) as ApiField[];
export const INCLUDES = ["count"] as const;
export type ApiInclude = (typeof INCLUDES)[number];

const named = (names: string[]) =>
  names
    .slice(0, 3)
    .map((n) => `“${n.length > 24 ? `${n.slice(0, 24)}…` : n}”`)
    .join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
const listOf = (params: URLSearchParams, key: string) =>
  params
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim());

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The fields asked for, in the document's order (the order asked for does not matter, as in
 * JSON:API), or null for the full shape when `fields` is absent. Repeats are merged.
 */
export function parseFields(params: URLSearchParams): Parsed<ApiField[] | null> {
  if (!params.has("fields")) return { ok: true, value: null };
  const asked = listOf(params, "fields").filter(Boolean);
  const unknown = [...new Set(asked.filter((f) => !(API_FIELDS as string[]).includes(f)))];
  if (unknown.length)
    return { ok: false, message: `Unknown field ${named(unknown)} in fields: choose from ${API_FIELDS.join(", ")}.` };
  if (!asked.length) return { ok: false, message: "fields must name at least one field, e.g. fields=id,title,date." };
  return { ok: true, value: API_FIELDS.filter((f) => asked.includes(f)) };
}

export function parseInclude(params: URLSearchParams): Parsed<Set<ApiInclude>> {
  const asked = listOf(params, "include").filter(Boolean);
  const unknown = [...new Set(asked.filter((i) => !(INCLUDES as readonly string[]).includes(i)))];
  if (unknown.length) return { ok: false, message: `Unknown include ${named(unknown)}: the only one is “count”.` };
  return { ok: true, value: new Set(asked as ApiInclude[]) };
}
