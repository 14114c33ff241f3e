/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL binaries and the WASM schema engine are used by scripts/, never by
  // the app; keep them out of server bundles.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // CSV import sends up to two 10 MB files through a server action (the default limit is 1 MB).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
};

export default nextConfig;
