// The parameters of /actors, /actors.csv and GET /api/v1/actors (without q): search text, kind,
// country and page. Bad values never fail the page: each is dropped, and a notice says so. Pure.
import { ACTOR_KINDS, type ActorKindSlug } from "../events/codebook";
import { rawValues, type RawParams } from "../events/query-params";
import { foldForSearch } from "./fold";
import { MAX_LOOKUP_TEXT } from "./lookup-params";

export const ACTORS_PAGE_SIZE = 50;
const KINDS = Object.keys(ACTOR_KINDS) as ActorKindSlug[];

export interface ActorListQuery {
  q?: string;
  kind?: ActorKindSlug;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  page: number;
}

export function parseActorListQuery(raw: RawParams): { query: ActorListQuery; notices: string[] } {
  const notices: string[] = [];
  const first = (key: string) => rawValues(raw, key)[0]?.trim() ?? "";
  const query: ActorListQuery = { page: 1 };

  const q = first("q");
  if (q) {
    if (q.length > MAX_LOOKUP_TEXT) notices.push(`The search text was cut to ${MAX_LOOKUP_TEXT} characters.`);
    const cut = q.slice(0, MAX_LOOKUP_TEXT);
    if (/\p{Cc}/u.test(cut) || !/[\p{L}\p{N}]/u.test(foldForSearch(cut)))
      notices.push("The search text needs a letter or a digit; it was ignored.");
    else query.q = cut;
  }
  const kind = first("kind");
  if (kind) {
    if ((KINDS as string[]).includes(kind)) query.kind = kind as ActorKindSlug;
    else notices.push(`Ignored unknown kind “${kind.slice(0, 40)}”.`);
  }
  const country = first("country").toUpperCase();
  if (country) {
    if (/^[A-Z]{2}$/.test(country)) query.country = country;
    else notices.push(`Ignored country “${country.slice(0, 40)}”: give a two-letter code such as RU.`);
  }
  const page = first("page");
  if (page) {
    if (/^\d{1,6}$/.test(page) && Number(page) >= 1) query.page = Number(page);
    else notices.push(`Ignored page “${page.slice(0, 40)}”.`);
  }
  return { query, notices };
}

export function serializeActorListQuery(query: Partial<ActorListQuery>): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.kind) p.set("kind", query.kind);
  if (query.country) p.set("country", query.country);
  if (query.page && query.page > 1) p.set("page", String(query.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export const actorKindLabel = (kind: string) => kind.replace("_", " ");

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
/** "RU" → "Russia"; an unknown code is shown as itself. */
export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
