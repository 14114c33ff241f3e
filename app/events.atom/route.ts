import { withDatabaseErrors } from "@/lib/api/http";
import { atomFeed } from "@/lib/export/atom";
import { parseFeedQuery } from "@/lib/feeds/view-feed";
import { publicOrigin } from "@/lib/public-url";

export const dynamic = "force-dynamic";

// Links come from PUBLIC_URL, never the request's Host: the feed is cached publicly.
export const GET = withDatabaseErrors(async (request: Request) => {
  const { query, problems } = parseFeedQuery(new URL(request.url).searchParams);
  if (problems.length) {
    // A feed reader cannot show /events's notices: say what is wrong rather than follow another view.
    return new Response(
      `This feed address has filters /events would ignore or change:\n${problems.map((p) => `- ${p}`).join("\n")}\nFix them (or copy the "Follow this view" link from /events) and subscribe again.\n`,
      {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=300" },
      },
    );
  }
  return new Response(await atomFeed(publicOrigin(), query), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
});
