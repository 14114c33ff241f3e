import { asOfListResponse, hasAsOf } from "@/lib/as-of/responses";
import { handleListEvents } from "@/lib/api/events";
import { corsPreflight, withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors((request: Request) =>
  hasAsOf(request) ? asOfListResponse(request) : handleListEvents(request),
);
export const OPTIONS = corsPreflight;
