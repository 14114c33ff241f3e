import { withDatabaseErrors } from "@/lib/api/http";
import { atomFeed } from "@/lib/export/atom";

export const dynamic = "force-dynamic";

export const GET = withDatabaseErrors(async (request: Request) => {
  return new Response(await atomFeed(new URL(request.url).origin), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
});
