// Outbound HTTP for captures and link checks, safe to expose to editors: a URL an editor types
// must not make the server read its own network (SSRF, OWASP's cheat sheet). Only http and https;
// the host is resolved here and every address it resolves to must be public, on the first
// request and on every redirect; the connection then goes to the address that was checked (a
// second lookup could answer differently: DNS rebinding). Bodies are streamed and cut off at a cap.
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";

export type FetchFailure =
  | "bad_url" // not an http(s) address
  | "blocked_address" // resolves to a loopback, private, link-local or other non-public address
  | "too_many_redirects"
  | "timeout"
  | "dns" // the name does not resolve
  | "tls" // certificate or handshake failure
  | "refused" // connection refused or reset
  | "too_large" // the body passed the size cap
  | "network"; // anything else on the wire

const MESSAGES: Record<FetchFailure, string> = {
  bad_url: "Only http:// and https:// addresses can be fetched.",
  blocked_address: "That address points into a private or local network, which the server does not fetch from.",
  too_many_redirects: "The address redirected too many times.",
  timeout: "The site took too long to answer.",
  dns: "The site's name could not be found (DNS).",
  tls: "The site's secure connection (TLS) failed.",
  refused: "The site refused the connection.",
  too_large: "The page is larger than the size limit.",
  network: "The site could not be reached.",
};

export class FetchError extends Error {
  constructor(
    readonly failure: FetchFailure,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[failure]} (${detail})` : MESSAGES[failure]);
  }
}

export interface SafeFetchOptions {
  method?: "GET" | "HEAD";
  /** For the whole exchange, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Bodies larger than this are refused; the rest of the body is never read. */
  maxBytes?: number;
  /** Read the body (captures) or drop it (link checks). */
  readBody?: boolean;
  userAgent?: string;
  /** Host names allowed to resolve to non-public addresses; FETCH_ALLOW_PRIVATE_HOSTS by default. */
  allowPrivateHosts?: readonly string[];
}

export interface SafeFetchResult {
  requestedUrl: string;
  finalUrl: string;
  /** Every address passed through, in order, the final one excluded. */
  redirects: string[];
  status: number;
  /** Media type without parameters, lower-cased; "" when the server sent none. */
  contentType: string;
  charset: string | null;
  body: Buffer;
}

export const DEFAULT_USER_AGENT =
  "SanctionsTracker/0.1 (source capture and link check; +https://github.com/sanctions-tracker)";

/** FETCH_ALLOW_PRIVATE_HOSTS: comma-separated host names (tests, intranets). Off when unset. */
export function allowedPrivateHosts(): string[] {
  return (process.env.FETCH_ALLOW_PRIVATE_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** True for addresses on the public internet; loopback, private, link-local, CGNAT, multicast… are not. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === "unicast";
}

/** Resolves a host and checks every address it has; returns the one to connect to. */
async function resolvePublic(hostname: string, allow: readonly string[]): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const allowed = allow.includes(host);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await dns.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new FetchError("dns", host);
    }
  }
  if (!addresses.length) throw new FetchError("dns", host);
  if (!allowed && addresses.some((a) => !isPublicAddress(a.address))) throw new FetchError("blocked_address", host);
  return addresses[0];
}

function classify(err: NodeJS.ErrnoException): FetchError {
  if (err instanceof FetchError) return err;
  const code = err.code ?? "";
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPIPE") return new FetchError("refused", code);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new FetchError("dns", code);
  if (/CERT|SSL|TLS|ERR_SSL/i.test(code) || /certificate|ssl|tls/i.test(err.message))
    return new FetchError("tls", code || undefined);
  return new FetchError("network", code || undefined);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One request to a checked address, without following redirects. */
function requestOnce(
  url: URL,
  target: { address: string; family: number },
  opts: Required<Omit<SafeFetchOptions, "allowPrivateHosts">>,
  signal: AbortSignal,
) {
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise<{ res: http.IncomingMessage }>((resolve, reject) => {
    const req = (url.protocol === "https:" ? https : http).request(url, {
      method: opts.method,
      lookup,
      signal,
      headers: {
        "user-agent": opts.userAgent,
        accept: "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.8",
        "accept-encoding": "gzip, deflate, br",
      },
    });
    req.on("response", (res) => resolve({ res }));
    req.on("error", (err) => reject(signal.aborted ? new FetchError("timeout") : classify(err)));
    req.end();
  });
}

async function readCapped(res: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchError("too_large", `${declared} bytes`);
  }
  const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
  // The cap counts what we would store, so a small compressed body cannot unpack into gigabytes.
  const stream =
    encoding === "gzip" || encoding === "x-gzip"
      ? res.pipe(zlib.createGunzip())
      : encoding === "deflate"
        ? res.pipe(zlib.createInflate())
        : encoding === "br"
          ? res.pipe(zlib.createBrotliDecompress())
          : res;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new FetchError("too_large", `more than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (err) {
    res.destroy();
    if (err instanceof FetchError) throw err;
    throw signal.aborted ? new FetchError("timeout") : classify(err as NodeJS.ErrnoException);
  }
  return Buffer.concat(chunks);
}

export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const opts = {
    method: options.method ?? "GET",
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRedirects: options.maxRedirects ?? 5,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    readBody: options.readBody ?? options.method !== "HEAD",
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };
  const allow = (options.allowPrivateHosts ?? allowedPrivateHosts()).map((h) => h.toLowerCase());
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const redirects: string[] = [];
  try {
    let url = parseHttpUrl(rawUrl);
    for (;;) {
      const target = await resolvePublic(url.hostname, allow);
      if (controller.signal.aborted) throw new FetchError("timeout");
      const { res } = await requestOnce(url, target, opts, controller.signal);
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location) {
        res.destroy(); // a redirect's body is never needed, and may never end
        if (redirects.length >= opts.maxRedirects)
          throw new FetchError("too_many_redirects", `more than ${opts.maxRedirects}`);
        redirects.push(url.href);
        url = parseHttpUrl(new URL(location, url).href);
        continue;
      }
      const [type, ...params] = String(res.headers["content-type"] ?? "").split(";");
      const charset = params.map((p) => p.trim().match(/^charset="?([^";]+)"?$/i)?.[1]).find(Boolean) ?? null;
      const body = opts.readBody
        ? await readCapped(res, opts.maxBytes, controller.signal)
        : (res.destroy(), Buffer.alloc(0));
      return {
        requestedUrl: rawUrl,
        finalUrl: url.href,
        redirects,
        status: res.statusCode ?? 0,
        contentType: type.trim().toLowerCase(),
        charset,
        body,
      };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw controller.signal.aborted ? new FetchError("timeout") : classify(err as NodeJS.ErrnoException);
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("bad_url");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) throw new FetchError("bad_url");
  return url;
}
