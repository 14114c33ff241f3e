import { handleListEvents } from "@/lib/api/events";
import { corsPreflight, withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors((request: Request) => handleListEvents(request));
export const OPTIONS = corsPreflight;
