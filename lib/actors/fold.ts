// What a reader typed, made comparable with names and slugs: lower case, accents removed, and
// LIKE's wildcards escaped so "50%" or "a_b" match themselves. Pure, for the unit tests.

/** Lower case without diacritics ("Gutérres" → "guterres"), spaces collapsed. */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The folded text as a slug fragment ("sergei lav" → "sergei-lav"), or null when it holds anything
 * but letters, digits, spaces and hyphens: "y_p" must not find "dmitry-peskov".
 */
export function slugPattern(folded: string): string | null {
  return /^[a-z0-9 -]+$/.test(folded) && /[a-z0-9]/.test(folded) ? folded.replace(/[ -]+/g, "-") : null;
}

/** A LIKE pattern (escape character `\`, PostgreSQL's default) matching `text` literally. */
export function likePattern(text: string, where: "contains" | "starts"): string {
  const literal = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === "contains" ? `%${literal}%` : `${literal}%`;
}
