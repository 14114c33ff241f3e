import { asOfEventResponse, hasAsOf } from "@/lib/as-of/responses";
import { handleGetEvent } from "@/lib/api/events";
import { corsPreflight, withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  hasAsOf(request) ? asOfEventResponse(request, (await params).id) : handleGetEvent(request, (await params).id),
);
export const OPTIONS = corsPreflight;
