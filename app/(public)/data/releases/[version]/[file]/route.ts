import { releaseFileResponse } from "@/lib/releases/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ version: string; file: string }> }) {
  const { version, file } = await params;
  return releaseFileResponse(request, version, file);
}
