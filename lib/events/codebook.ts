// The v1 codebook: the fixed vocabularies of the data model with their public meanings. The
// /codebook page, the zod schemas and the filters all read these lists, so they cannot drift.
// Event types and item categories are text in the database (checked by the schemas); every other
// vocabulary is a database enum, and its meanings are typed against the enum Prisma generates:
// a value added to prisma/schema.prisma without its meaning here, or a meaning for a value the
// enum lacks, fails the type check.
import type {
  ActorKind,
  ActorRole,
  ClaimStatus,
  DatePrecision,
  LinkStatus,
  LocationPrecision,
  QuoteCheck,
  SanctionsRegime,
  SourceStance,
  SourceType,
} from "../generated/prisma/enums";

/** Each value of a vocabulary with its public meaning. */
type Meanings<Slug extends string> = Readonly<Record<Slug, string>>;

const slugsOf = <Slug extends string>(vocabulary: Meanings<Slug>) => Object.keys(vocabulary) as Slug[];

/** The values of the enum-backed vocabularies, under the names the app has always used. */
export type {
  ActorKind as ActorKindSlug,
  ActorRole as ActorRoleSlug,
  ClaimStatus as ClaimStatusSlug,
  DatePrecision as DatePrecisionSlug,
  LinkStatus as LinkStatusSlug,
  LocationPrecision as LocationPrecisionSlug,
  QuoteCheck as QuoteCheckSlug,
  SanctionsRegime as SanctionsRegimeSlug,
  SourceStance as SourceStanceSlug,
  SourceType as SourceTypeSlug,
};

export const EVENT_TYPES = {
  "summit-meeting": "A meeting between leaders or senior officials of two or more states.",
  "statement-warning": "An official statement, threat or warning made in public.",
  "sanctions-imposed": "A government or international body imposes or extends sanctions.",
  "sanctions-blocked": "A veto, or an announced block, of sanctions or of their enforcement.",
  "sanctions-violation": "An act reported to breach sanctions in force.",
  "arms-transfer": "Weapons, ammunition or military equipment passed from one party to another.",
  "technology-transfer": "Military, space or dual-use technology or know-how passed between parties.",
  "military-cooperation": "Visits, exercises, agreements or inspections that build military ties.",
  "weapons-test": "A missile launch, nuclear test or other weapons test.",
  "aid-trade": "Humanitarian aid, food, fuel or other trade between parties.",
  "border-travel": "A border closure or reopening, or a notable crossing or journey.",
  "diplomatic-process": "Negotiations, agreements and talks, their start, progress or collapse.",
} as const;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  "summit-meeting": "Summit or meeting",
  "statement-warning": "Statement or warning",
  "sanctions-imposed": "Sanctions imposed",
  "sanctions-blocked": "Sanctions blocked",
  "sanctions-violation": "Sanctions violation",
  "arms-transfer": "Arms transfer",
  "technology-transfer": "Technology transfer",
  "military-cooperation": "Military cooperation",
  "weapons-test": "Weapons test",
  "aid-trade": "Aid or trade",
  "border-travel": "Border or travel",
  "diplomatic-process": "Diplomatic process",
};
/** A label for any stored type, including one a later codebook might drop. */
export const eventTypeLabel = (slug: string) => EVENT_TYPE_LABELS[slug as EventType] ?? slug;
export const EVENT_TYPE_SLUGS = slugsOf(EVENT_TYPES);

export const CLAIM_STATUSES = {
  confirmed: "Established by official records or by several independent sources.",
  alleged: "Asserted by a party or a source but not independently established.",
  denied: "Asserted by some and denied by the party concerned.",
  announced: "A stated intention, plan or threat that had not happened when recorded.",
} as const satisfies Meanings<ClaimStatus>;
export const CLAIM_STATUS_SLUGS = slugsOf(CLAIM_STATUSES);

export const DATE_PRECISIONS = {
  day: "The day is known.",
  month: "Only the month is known; shown as e.g. “January 2020”, never as the 1st.",
  year: "Only the year is known.",
} as const satisfies Meanings<DatePrecision>;

/** How precisely the place is known; the map draws an event no more precisely (lib/map/marks.ts). */
export const LOCATION_PRECISIONS = {
  exact: "The spot is known (a building, a station, a base): a point on the map.",
  city: "Known to the city or town: a halo of about 25 km around the given position.",
  region: "Known to a region or province: a halo of about 250 km around the given position.",
  country: "Known only to the country: the whole country is shaded, never a pin at its centre.",
} as const satisfies Meanings<LocationPrecision>;
export const LOCATION_PRECISION_SLUGS = slugsOf(LOCATION_PRECISIONS);

export const ITEM_CATEGORIES = {
  "artillery-ammunition": "Artillery shells, rockets and their propellant.",
  "ballistic-missiles": "Ballistic missiles, launchers and their parts.",
  "small-arms": "Rifles, machine guns and their ammunition.",
  aircraft: "Military aircraft, drones and their parts.",
  "naval-submarine-technology": "Warships, submarines and their technology.",
  "space-satellite-technology": "Rockets, satellites and space launch know-how.",
  "nuclear-technology": "Nuclear materials, reactors and weapons know-how.",
  food: "Food and agricultural goods.",
  fuel: "Oil, refined fuel and other energy supplies.",
  "other-goods": "Anything else transferred.",
} as const;
export type ItemCategory = keyof typeof ITEM_CATEGORIES;
export const ITEM_CATEGORY_SLUGS = slugsOf(ITEM_CATEGORIES);

export const SANCTIONS_REGIMES = {
  un_1718: "UN Security Council, 1718 Committee (DPRK sanctions)",
  us: "United States",
  eu: "European Union",
  other: "Other",
} as const satisfies Meanings<SanctionsRegime>;

export const SOURCE_TYPES = {
  official: "Official statement or document",
  news: "News report",
  analysis: "Analysis or opinion",
  dataset: "Dataset or other",
} as const satisfies Meanings<SourceType>;

export const SOURCE_STANCES = {
  supports: "The source supports the event as recorded.",
  disputes: "The source denies or contradicts the claim (for example, a government's denial).",
  context: "The source gives background without supporting or disputing the claim itself.",
} as const satisfies Meanings<SourceStance>;

/** Whether a quote was found in its source's captured copy; shown beside every quote. */
export const QUOTE_CHECKS = {
  verified: "The quote was found, word for word, in the text of a copy of the source captured on the date shown.",
  not_found: "The source has a captured copy, but the quote was not found in its text.",
  no_copy: "No copy of the source has been captured, so the quote has not been checked.",
  no_quote: "The citation has no quote, only an editor's note.",
} as const satisfies Meanings<QuoteCheck>;

export const LINK_STATUSES = {
  ok: "The address answered the last check.",
  redirected: "The address now sends readers on to another one.",
  gone: "The address answers that the page no longer exists (404 or 410).",
  failing: "The address did not answer properly (server error, time-out, DNS or TLS failure).",
} as const satisfies Meanings<LinkStatus>;

export const ACTOR_KINDS = {
  state: "A state or its government",
  person: "A person",
  organisation: "An organisation (party, agency, armed group, NGO)",
  international_body: "An international body (UN organ, alliance, talks format)",
  company: "A company",
} as const satisfies Meanings<ActorKind>;

export const ACTOR_ROLES = {
  initiator: "Started or carried out the event",
  target: "The event was aimed at them",
  supplier: "Sent the items transferred",
  recipient: "Received the items transferred",
  speaker: "Made the statement",
  addressee: "The statement was addressed to them",
  participant: "Took part",
  host: "Hosted the event",
} as const satisfies Meanings<ActorRole>;
