// The characters text may not hold on its way to PostgreSQL, in three strengths:
// - queryable: what a query can compare as given. PostgreSQL refuses NUL, and a lone UTF-16
//   surrogate would silently become U+FFFD when encoded, so the comparison would be with other text.
//   The C0 controls (but tab, line feed and carriage return) are refused with them: no stored text
//   holds one.
// - storable: queryable, and neither of the noncharacters U+FFFE and U+FFFF, which XML 1.0 (the
//   Atom feed) forbids with the C0 controls. What every write accepts.
// - searchable: storable, and not DEL either, the one control character left: what a search
//   keeps of the words typed (the rest become spaces).

const C0_BUT_TAB_AND_NEWLINES = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f";
const NONCHARACTERS = "\\ufffe\\uffff";
const DEL = "\\u007f";
const LONE_SURROGATE = "[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";

const anyOf = (chars: string, flags = "") => new RegExp(`[${chars}]|${LONE_SURROGATE}`, flags);

const UNQUERYABLE = anyOf(C0_BUT_TAB_AND_NEWLINES);
const UNSTORABLE = anyOf(C0_BUT_TAB_AND_NEWLINES + NONCHARACTERS);
const UNSEARCHABLE = anyOf(C0_BUT_TAB_AND_NEWLINES + NONCHARACTERS + DEL, "g");

/** Text a query can compare with stored text as it is (a keyset cursor's title). */
export const isQueryableText = (s: string) => !UNQUERYABLE.test(s);

/** Text that can be stored and shown as it was typed. */
export const isStorableText = (s: string) => !UNSTORABLE.test(s);

/** `s` with every character a search cannot look for replaced by `by`. */
export const replaceUnsearchable = (s: string, by: string) => s.replace(UNSEARCHABLE, by);
