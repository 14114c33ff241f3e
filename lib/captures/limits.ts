// The largest copy a capture or an upload may store. Its own module, free of server code, so the
// editor's form checks a picked file against the same number before sending it.
export const MAX_COPY_BYTES = 10 * 1024 * 1024;
