// Where each error of the event form is shown: the field to link to from the error summary and
// the words to name it by. Keys are the paths zod and the mutations report ("sources.1.url").
import type { SummaryItem } from "@/components/ui/error-summary";

const TOP: Record<string, [id: string, label: string]> = {
  title: ["ev-title", "Title"],
  id: ["ev-id", "Public id"],
  summary: ["ev-summary", "Summary"],
  type: ["ev-type", "Event type"],
  claimStatus: ["ev-claim", "Claim status"],
  precision: ["ev-precision", "Date known to the"],
  startDate: ["ev-start", "Date"],
  endDate: ["ev-end", "End of the range"],
  endPrecision: ["ev-end-precision", "End known to the"],
  place: ["ev-place", "Place name"],
  countryCodes: ["ev-countryCodes", "Country codes"],
  latitude: ["ev-latitude", "Latitude"],
  longitude: ["ev-longitude", "Longitude"],
  locationPrecision: ["ev-location-precision", "Place known to the"],
  sanctionsRegime: ["ev-regime", "Sanctions regime"],
  instrument: ["ev-instrument", "Instrument"],
  tags: ["ev-tags", "Tags"],
  actors: ["actor-pick", "Actors"],
  sources: ["src-0-url", "Sources"],
  kind: ["ev-kind-correction", "Kind of change"],
  note: ["ev-note", "Change note"],
  confirmNotFound: ["ev-confirm-reason", "Reason to publish quotes not found"],
};

const SOURCE: Record<string, [suffix: string, label: string]> = {
  url: ["url", "web address"],
  title: ["title", "title"],
  publisher: ["publisher", "publisher"],
  author: ["author", "author"],
  publishedOn: ["publishedOn", "published"],
  accessedOn: ["accessedOn", "accessed"],
  archivedUrl: ["archivedUrl", "archived copy"],
  language: ["language", "language"],
  sourceType: ["type", "type"],
  stance: ["stance", "stance"],
  quote: ["quote", "quote"],
  note: ["note", "editor's note"],
  captureId: ["url", "captured copy"],
};

export function summaryItems(errors: Record<string, string[]>): SummaryItem[] {
  return Object.entries(errors)
    .filter(([, messages]) => messages?.length)
    .map(([key, messages]) => ({ key, message: messages.join(" "), ...target(key) }));
}

function target(key: string): { targetId?: string; label: string } {
  const [head, index, field] = key.split(".");
  if (head === "sources" && index !== undefined && /^\d+$/.test(index)) {
    const [suffix, label] = SOURCE[field ?? ""] ?? ["url", "details"];
    return { targetId: `src-${index}-${suffix}`, label: `Source ${Number(index) + 1}: ${label}` };
  }
  const top = TOP[head];
  return top ? { targetId: top[0], label: top[1] } : { label: head === "form" ? "Form" : head };
}
