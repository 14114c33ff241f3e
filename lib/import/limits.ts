// How large an import may be. Its own module, free of server code, so the import form checks a
// picked file against the same numbers before sending it.
export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 10_000;
export const TOO_BIG_MESSAGE = "A file is larger than 10 MB; split it into smaller files.";
/** The whole upload: two files at their limit, and room for the other fields and the multipart framing. */
export const MAX_UPLOAD_BYTES = 2 * MAX_BYTES + 64 * 1024;
