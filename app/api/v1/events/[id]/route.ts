import { handleGetEvent } from "@/lib/api/events";
import { corsPreflight, withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => handleGetEvent(request, (await params).id));
export const OPTIONS = corsPreflight;
