import { corsPreflight } from "@/lib/api/http";
import { handleGetRelease } from "@/lib/releases/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ version: string }> }) {
  return handleGetRelease(request, (await params).version);
}
export const OPTIONS = corsPreflight;
