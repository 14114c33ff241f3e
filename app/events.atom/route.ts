import { withDatabaseErrors } from "@/lib/api/http";
import { atomFeed } from "@/lib/export/atom";
import { publicOrigin } from "@/lib/public-url";

export const dynamic = "force-dynamic";

// Links come from PUBLIC_URL, never the request's Host: the feed is cached publicly.
export const GET = withDatabaseErrors(async () => {
  return new Response(await atomFeed(publicOrigin()), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
});
