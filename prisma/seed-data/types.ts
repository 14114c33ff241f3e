import type {
  ActorKindSlug,
  ActorRoleSlug,
  ClaimStatusSlug,
  DatePrecisionSlug,
  EventType,
  ItemCategory,
  LocationPrecisionSlug,
  SanctionsRegimeSlug,
  SourceStanceSlug,
  SourceTypeSlug,
} from "../../lib/events/codebook";
import type { SeedCopyName } from "./copies";

/** An actor of the seed set; `slug` is how events refer to it. */
export interface SeedActor {
  slug: string;
  name: string;
  kind: ActorKindSlug;
  /** ISO 3166-1 alpha-2 (e.g. KP, RU, US); omit for international bodies. */
  countryCode?: string;
  aliases: string[];
}

export interface SeedSource {
  /** http(s) address; omit only when none is known (the seed article has none). */
  url?: string;
  title: string;
  publisher?: string;
  author?: string;
  /** As precise as the source shows: YYYY, YYYY-MM or YYYY-MM-DD. */
  publishedOn?: string;
  /** YYYY-MM-DD */
  accessedOn?: string;
  sourceType: SourceTypeSlug;
  /** The source's own words, verbatim. For the article, an exact substring of it. */
  quote?: string;
  /**
   * The editor's own words: what the source supports or disputes, where the research sheet does
   * not show the source's words. At least one of quote and note.
   */
  note?: string;
  /** supports (the default), disputes (a denial or contradiction) or context. */
  stance?: SourceStanceSlug;
  /** A copy kept in the repository that the quote is checked against (prisma/seed-data/copies.ts). */
  copy?: SeedCopyName;
  archivedUrl?: string;
  language: string;
}

export interface SeedEvent {
  /** Reference in shared/research/seed-events.md, e.g. E21. */
  ref: string;
  /** Public slug: start date + short words, e.g. 2023-09-13-kim-putin-vostochny-summit. */
  id: string;
  title: string;
  summary: string;
  type: EventType;
  claimStatus: ClaimStatusSlug;
  /** YYYY-MM-DD; with month precision the first of the month, with year precision 1 January. */
  startDate: string;
  /** YYYY-MM-DD, inclusive, for ranges only. */
  endDate?: string;
  precision: DatePrecisionSlug;
  /** How precisely the end is known, when not as precisely as the start. */
  endPrecision?: DatePrecisionSlug;
  approximate: boolean;
  place?: string;
  /** How precisely the place is known (the research sheet's location, judged by its wording). */
  locationPrecision: LocationPrecisionSlug;
  countryCodes: string[];
  latitude?: number;
  longitude?: number;
  tags: string[];
  itemCategories: ItemCategory[];
  sanctionsRegime?: SanctionsRegimeSlug;
  instrument?: string;
  actors: { actor: string; role: ActorRoleSlug }[];
  /** The article first, then the corroborating sources. */
  sources: SeedSource[];
}
