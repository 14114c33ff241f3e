import { handleGetEvent } from "@/lib/api/events";
import { corsPreflight } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleGetEvent(request, (await params).id);
}
export const OPTIONS = corsPreflight;
