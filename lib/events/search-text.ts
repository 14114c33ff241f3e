// Free-text search runs over one lower-cased, accent-folded column with a trigram index (see
// prisma/schema.prisma). The stored text and the query go through the same normalisation, so
// "Kim Jong-un", "kim jong un" and "KIM JONG UN" all find the same events.

export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—_]+/g, " ")
    .trim();
}

export function buildSearchText(event: {
  title: string;
  summary: string;
  actors: { name: string; aliases: string[] }[];
  publishers: (string | null | undefined)[];
}): string {
  const parts = [
    event.title,
    event.summary,
    ...event.actors.flatMap((a) => [a.name, ...a.aliases]),
    ...event.publishers.filter(Boolean),
  ];
  return normalizeForSearch(parts.join(" | "));
}
