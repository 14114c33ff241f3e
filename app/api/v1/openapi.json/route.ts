import { openApiDocument } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/public-url";

// The server URL comes from PUBLIC_URL, never the request's Host: the document is cached publicly.
export function GET() {
  return Response.json(openApiDocument(publicOrigin()), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
