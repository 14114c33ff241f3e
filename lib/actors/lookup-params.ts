// The parameters of GET /api/v1/actors, checked before any query runs. Pure, for the unit tests.
import { foldForSearch } from "./fold";

export const DEFAULT_LOOKUP_LIMIT = 10;
export const MAX_LOOKUP_LIMIT = 20;
export const MAX_LOOKUP_TEXT = 100;

export type LookupParams =
  { ok: true; q: string; limit: number } | { ok: false; message: string; parameters: string[] };

export function parseLookupParams(params: URLSearchParams): LookupParams {
  const problems: { param: string; message: string }[] = [];
  const qs = params.getAll("q");
  const q = (qs[0] ?? "").trim();
  if (qs.length > 1) problems.push({ param: "q", message: "Give q once." });
  else if (!q)
    problems.push({
      param: "q",
      message: "q is required: the text to look actors up by (part of a name, an alias or a slug).",
    });
  else if (q.length > MAX_LOOKUP_TEXT)
    problems.push({ param: "q", message: `q must be at most ${MAX_LOOKUP_TEXT} characters.` });
  // Control characters (PostgreSQL refuses NUL) or punctuation alone would match nothing or everything.
  else if (/\p{Cc}/u.test(q) || !/[\p{L}\p{N}]/u.test(foldForSearch(q)))
    problems.push({ param: "q", message: "q must contain a letter or a digit, and no control characters." });

  const limits = params.getAll("limit");
  const limit = limits.length === 0 ? DEFAULT_LOOKUP_LIMIT : /^\d{1,3}$/.test(limits[0]) ? Number(limits[0]) : NaN;
  if (limits.length > 1 || !(limit >= 1 && limit <= MAX_LOOKUP_LIMIT))
    problems.push({ param: "limit", message: `limit must be a whole number from 1 to ${MAX_LOOKUP_LIMIT}.` });

  if (problems.length)
    return { ok: false, message: problems.map((p) => p.message).join(" "), parameters: problems.map((p) => p.param) };
  return { ok: true, q, limit };
}
