// @ts-check
// The one definition of the security headers. Plain JavaScript (typed in headers.d.ts) because
// next.config.js imports it too, and Node 20 cannot import TypeScript: next.config.js applies the
// static set to every response at the routing layer, proxy.ts applies the full set with a fresh
// nonce. Both call the functions below, so the two can never drift apart.

/** /embed/* is made for other sites' iframes; every other page refuses to be framed. */
export function isFramable(pathname) {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/** Captured copies of sources (lib/captures/copy-response.ts): someone else's bytes, never run as our page. */
export function isCapturedCopy(pathname) {
  return pathname.startsWith("/editor/copies/");
}

/** For captured copies: no script, no plugin, no same-origin access, nothing loaded, whatever the bytes are. */
export const CAPTURED_COPY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** 18 random bytes in base64: 24 characters, no padding, matching Next's nonce pattern. */
export function createNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** Origins a sign-in form may be redirected to after its POST (the OIDC issuer, when set). */
export function formActionOrigins(oidcIssuer) {
  if (!oidcIssuer) return [];
  try {
    return [new URL(oidcIssuer).origin];
  } catch {
    return [];
  }
}

/**
 * With a nonce: only scripts carrying it run, and 'strict-dynamic' lets them load Next's chunks.
 * With hashes instead (a page a shared cache may keep: the decision on CSP by hashes in docs/decisions): only the inline
 * scripts and styles whose exact text the app rendered with its own nonce run, and external
 * scripts come from this origin alone ('self'; no 'strict-dynamic', which would refuse the page's
 * own <script src> tags, as they carry neither a nonce nor an integrity hash).
 * With neither (a response the proxy did not see: a static file, or a proxy bypass) no inline
 * script or style runs at all, so such a page fails closed rather than open.
 * 'self' in a nonce policy is only a fallback for browsers without CSP level 3.
 */
export function contentSecurityPolicy({ nonce, hashes, framable = false, dev = false, formOrigins = [] }) {
  const sources = (/** @type {string[]} */ list) => list.map((h) => ` '${h}'`).join("");
  const n = nonce ? ` 'nonce-${nonce}'` : hashes ? sources(hashes.styles) : "";
  const scriptSrc = nonce ? `'self'${n} 'strict-dynamic'` : hashes ? `'self'${sources(hashes.scripts)}` : "'self'";
  // next dev injects its overlay's styles without a nonce and rebuilds stacks with eval.
  const styleSrc = dev ? "'self' 'unsafe-inline'" : `'self'${n}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${dev ? " 'unsafe-eval'" : ""}`,
    `style-src ${styleSrc}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formOrigins.map((o) => ` ${o}`).join("")}`,
    `frame-ancestors ${framable ? "*" : "'none'"}`,
  ].join("; ");
}

// Features this site never uses; denying them means an injected frame or script cannot either.
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** The headers that do not change per request, as [name, value] pairs with lowercase names. */
export function staticSecurityHeaders({ framable, production }) {
  /** @type {[string, string][]} */
  const headers = [
    ["x-content-type-options", "nosniff"],
    // Source links go to news sites: they learn that a reader came from this site, not which page.
    ["referrer-policy", "strict-origin-when-cross-origin"],
    ["permissions-policy", PERMISSIONS_POLICY],
  ];
  // Browsers ignore HSTS over plain HTTP, so sending it from `next start` is harmless locally and
  // right behind a TLS-terminating proxy. One year; no preload, which is the operator's decision.
  if (production) headers.push(["strict-transport-security", "max-age=31536000; includeSubDomains"]);
  // For browsers that predate frame-ancestors.
  if (!framable) headers.push(["x-frame-options", "DENY"]);
  return headers;
}

/** Every security header for one response; the CSP carries the request's nonce, or the page's hashes, when given. */
export function securityHeaders({ pathname, nonce, hashes, production, dev = false, formOrigins = [] }) {
  const framable = isFramable(pathname);
  return [
    ...staticSecurityHeaders({ framable, production }),
    /** @type {[string, string]} */ ([
      "content-security-policy",
      isCapturedCopy(pathname)
        ? CAPTURED_COPY_POLICY
        : contentSecurityPolicy({ nonce, hashes, framable, dev, formOrigins }),
    ]),
  ];
}

/**
 * For next.config.js `headers()`: applied by Next's router to every response, static files included,
 * before and independently of the proxy. The proxy overrides the CSP with its nonced one.
 */
export function nextConfigHeaders({ production, dev = false, formOrigins = [] }) {
  const toEntries = (/** @type {[string, string][]} */ pairs) => pairs.map(([key, value]) => ({ key, value }));
  return [
    {
      source: "/:path((?!embed$|embed/).*)",
      headers: toEntries(securityHeaders({ pathname: "/", production, dev, formOrigins })),
    },
    {
      source: "/embed/:path*",
      headers: toEntries(securityHeaders({ pathname: "/embed/", production, dev, formOrigins })),
    },
    // Last, so its policy replaces the first entry's for these paths.
    {
      source: "/editor/copies/:path*",
      headers: toEntries(securityHeaders({ pathname: "/editor/copies/", production, dev, formOrigins })),
    },
  ];
}
