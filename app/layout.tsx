import type { Metadata } from "next";
import { connection } from "next/server";
import { NoEvalInBrowser } from "@/lib/security/no-eval-in-browser";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sanctions & Arms-Transfer Tracker", template: "%s · Sanctions & Arms-Transfer Tracker" },
  description:
    "Sourced, quoted events on sanctions and arms and technology transfers, starting with North Korea and Russia.",
};

// The site's header and footer live in the route groups' layouts (components/layout/site-chrome),
// so that /embed pages can render with minimal chrome inside a newsroom's iframe.
// Every page renders per request: Next.js stamps the CSP nonce from proxy.ts on its scripts only
// while rendering, so a page prerendered at build time would carry none and its scripts would be
// refused (docs/decisions/0009-security-headers.md). The anonymous public pages a shared cache may
// keep are rendered this way too, once per version: the page cache then swaps the nonce for the
// hashes of exactly the scripts that carried it (lib/http-cache/inline-hashes.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <NoEvalInBrowser />
        {children}
      </body>
    </html>
  );
}
