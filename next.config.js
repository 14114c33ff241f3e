/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL binaries and the WASM schema engine are used by scripts/, never by
  // the app; keep them out of server bundles.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
