// The editor form works in strings (what inputs hold); these convert to and from EventInput.
// Pure, so the browser and the tests use the same conversion.
import type { DatePrecisionSlug, LocationPrecisionSlug } from "./codebook";
import type { EventInput, NewActorInput } from "./schemas";

export interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  author: string;
  publishedOn: string;
  accessedOn: string;
  sourceType: string;
  quote: string;
  note: string;
  stance: string;
  archivedUrl: string;
  language: string;
  /** The attached captured copy's id, or "" (set by capturing or uploading, not typed). */
  captureId: string;
}

export interface FormValues {
  id: string;
  title: string;
  summary: string;
  type: string;
  claimStatus: string;
  precision: DatePrecisionSlug;
  /** As typed: YYYY-MM-DD, YYYY-MM or YYYY depending on precision. */
  start: string;
  /** As typed, at the end's precision. */
  end: string;
  /** "" when the end is known as precisely as the start. */
  endPrecision: DatePrecisionSlug | "";
  approximate: boolean;
  place: string;
  countryCodes: string;
  latitude: string;
  longitude: string;
  locationPrecision: LocationPrecisionSlug;
  tags: string;
  itemCategories: string[];
  sanctionsRegime: string;
  instrument: string;
  actors: { actor: string; role: string }[];
  sources: SourceDraft[];
  newActors: NewActorInput[];
}

export const emptySource = (): SourceDraft => ({
  url: "",
  title: "",
  publisher: "",
  author: "",
  publishedOn: "",
  accessedOn: new Date().toISOString().slice(0, 10),
  sourceType: "news",
  quote: "",
  note: "",
  stance: "supports",
  archivedUrl: "",
  language: "en",
  captureId: "",
});

export const emptyForm = (): FormValues => ({
  id: "",
  title: "",
  summary: "",
  type: "",
  claimStatus: "confirmed",
  precision: "day",
  start: "",
  end: "",
  endPrecision: "",
  approximate: false,
  place: "",
  countryCodes: "",
  latitude: "",
  longitude: "",
  locationPrecision: "country",
  tags: "",
  itemCategories: [],
  sanctionsRegime: "",
  instrument: "",
  actors: [],
  sources: [emptySource()],
  newActors: [],
});

const cut = (date: string, precision: DatePrecisionSlug) =>
  precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date;
/** First day of the period typed, e.g. "2023-09" → "2023-09-01". */
export const periodStart = (typed: string, precision: DatePrecisionSlug) =>
  precision === "year" ? `${typed}-01-01` : precision === "month" ? `${typed}-01` : typed;

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
}

export function suggestId(values: Pick<FormValues, "start" | "title">): string {
  return [values.start.trim(), slugify(values.title)].filter(Boolean).join("-");
}

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
const blank = (s: string) => (s.trim() ? s.trim() : undefined);
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** The raw object the zod schema checks (it may still be invalid). */
export function toRawInput(v: FormValues, status: EventInput["status"]): Record<string, unknown> {
  return {
    id: v.id.trim() || suggestId(v),
    title: v.title,
    summary: v.summary,
    type: v.type,
    claimStatus: v.claimStatus,
    startDate: periodStart(v.start.trim(), v.precision),
    endDate: v.end.trim() ? periodStart(v.end.trim(), v.endPrecision || v.precision) : undefined,
    precision: v.precision,
    endPrecision: (v.end.trim() && v.endPrecision) || undefined,
    approximate: v.approximate,
    place: blank(v.place),
    countryCodes: list(v.countryCodes).map((c) => c.toUpperCase()),
    latitude: num(v.latitude),
    longitude: num(v.longitude),
    locationPrecision: v.locationPrecision,
    tags: list(v.tags).map((t) => t.toLowerCase()),
    itemCategories: v.itemCategories,
    sanctionsRegime: blank(v.sanctionsRegime),
    instrument: blank(v.instrument),
    status,
    actors: v.actors,
    sources: v.sources.map((s) => ({
      url: blank(s.url),
      title: s.title,
      publisher: blank(s.publisher),
      author: blank(s.author),
      publishedOn: blank(s.publishedOn),
      accessedOn: blank(s.accessedOn),
      sourceType: s.sourceType,
      quote: blank(s.quote),
      note: blank(s.note),
      stance: s.stance,
      archivedUrl: blank(s.archivedUrl),
      language: s.language.trim() || "en",
      captureId: num(s.captureId),
    })),
  };
}

export function fromInput(e: EventInput): FormValues {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    type: e.type,
    claimStatus: e.claimStatus,
    precision: e.precision,
    start: cut(e.startDate, e.precision),
    end: e.endDate ? cut(e.endDate, e.endPrecision ?? e.precision) : "",
    endPrecision: e.endPrecision ?? "",
    approximate: e.approximate,
    place: e.place ?? "",
    countryCodes: e.countryCodes.join(", "),
    latitude: e.latitude?.toString() ?? "",
    longitude: e.longitude?.toString() ?? "",
    locationPrecision: e.locationPrecision ?? "country",
    tags: e.tags.join(", "),
    itemCategories: [...e.itemCategories],
    sanctionsRegime: e.sanctionsRegime ?? "",
    instrument: e.instrument ?? "",
    actors: e.actors.map((a) => ({ ...a })),
    sources: e.sources.map((s) => ({
      url: s.url ?? "",
      title: s.title,
      publisher: s.publisher ?? "",
      author: s.author ?? "",
      publishedOn: s.publishedOn ?? "",
      accessedOn: s.accessedOn ?? "",
      sourceType: s.sourceType,
      quote: s.quote ?? "",
      note: s.note ?? "",
      stance: s.stance,
      archivedUrl: s.archivedUrl ?? "",
      language: s.language,
      captureId: s.captureId?.toString() ?? "",
    })),
    newActors: [],
  };
}
