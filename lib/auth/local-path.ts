// Where to go after signing in: only a path on this site. `from` comes from the URL, so it is
// attacker-controlled; checking its first characters is not enough, because browsers read
// "/\evil.example" and "/<tab>/evil.example" as "//evil.example", another site. The path is
// resolved the way a browser would (WHATWG URL) and kept only if it stays on this origin.
const BASE = "http://local.invalid";

export function localPath(from: unknown, fallback = "/editor"): string {
  if (typeof from !== "string" || !from.startsWith("/") || from.length > 2000) return fallback;
  try {
    const url = new URL(from, BASE);
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Resolving dot segments can itself yield "//host" ("/..//evil.example"): check the result too.
    return url.origin === BASE && new URL(path, BASE).origin === BASE ? path : fallback;
  } catch {
    return fallback;
  }
}
