import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sanctions & Arms-Transfer Tracker", template: "%s · Sanctions & Arms-Transfer Tracker" },
  description: "Sourced, quoted events on sanctions and arms and technology transfers, starting with North Korea and Russia.",
};

// The site's header and footer live in the route groups' layouts (components/layout/site-chrome),
// so that /embed pages can render with minimal chrome inside a newsroom's iframe.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
