/**
 * A value given by a reader or a file, quoted in a message about it: in curly quotes and cut to
 * its first 40 characters, so that a long or hostile value cannot take over the message.
 */
export const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;
