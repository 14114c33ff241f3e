// Copies of seed sources kept in the repository, stored in the database as uploaded captures so
// their quotes are checked like any editor's. The files are kept byte for byte (see the
// .gitattributes beside them): their SHA-256 is what readers see.
export const seedCopies = {
  article: { file: "article/burton-2023-kim-putin-summit.txt", contentType: "text/plain" },
} as const;

export type SeedCopyName = keyof typeof seedCopies;
