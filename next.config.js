import { formActionOrigins, nextConfigHeaders } from "./lib/security/headers.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Where the build goes and where `next start` reads it. npm test sets NEXT_DIST_DIR=.next-test
  // (tooling/dist-dir.ts) so that its build never replaces the one a running `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Packages Node loads from node_modules as installed instead of bundling them into the server
  // build: the database driver (pg, on Next.js's own list already, and Prisma's adapter for it),
  // and pdf-parse with pdf.js, which loads its worker from a path beside its own file that
  // bundling breaks ("Setting up fake worker failed"). The embedded PostgreSQL launcher and the
  // WASM schema engine need no entry: only scripts/, tooling/ and the tests import them.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pdf-parse", "pdfjs-dist"],
  // Server actions keep Next's default 1 MB body limit: files go to route handlers under
  // /editor/uploads/ with limits of their own (lib/uploads/accept-upload.ts).
  // Let proxy.ts see requests as sent: by default Next.js hides the flight headers (RSC, …) and
  // the _rsc parameter from it, and the proxy must tell client-side navigations, which get React's
  // flight format, from page loads (the page cache and the outage answer both depend on it).
  skipProxyUrlNormalize: true,
  // The security headers at the routing layer, for every response including static files and
  // independently of proxy.ts (which has been bypassed before: CVE-2025-29927). The proxy then
  // replaces the CSP with one carrying the request's nonce. Read at build time.
  async headers() {
    return nextConfigHeaders({
      production: process.env.NODE_ENV === "production",
      dev: process.env.NODE_ENV === "development",
      formOrigins: formActionOrigins(process.env.OIDC_ISSUER),
    });
  },
};

export default nextConfig;
