// Names for the API's statements, so each connection prepares a statement once and runs it from
// then on without parsing it again. The list page's statement is short but full of function calls
// and string operators, and PostgreSQL's parse analysis of it cost more than its planning: named,
// the backend spent 1.5–2.7 ms less CPU on each page (decision 0036). Each execution is still
// planned for its own values, since every pool connection runs with plan_cache_mode =
// force_custom_plan (lib/prisma-client.ts): a plan made once for any values read the wrong index
// and took 12–15 ms.
//
// The text depends on the request (which fields, which filters), and a prepared statement holds
// ~290 KB of the connection's memory on the server, so only the first MAX_NAMED texts a process
// meets get names; any other runs unnamed, as before: slower, never wrong.
export const MAX_NAMED = 32;

// On globalThis: Next.js bundles this module more than once (proxy, each route), and the bound
// holds for the process, whose connections they all share.
const globalForNames = globalThis as unknown as { trackerStatementNames?: Map<string, string> };
const names = (globalForNames.trackerStatementNames ??= new Map<string, string>());

/** The statement's name, or undefined once MAX_NAMED other texts have one. */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name || names.size >= MAX_NAMED) return name;
  // Unique within the process, which owns the connections that prepare it.
  name = `api_${names.size + 1}`;
  names.set(text, name);
  return name;
}
