import { handleListEvents } from "@/lib/api/events";
import { corsPreflight } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleListEvents(request);
export const OPTIONS = corsPreflight;
