import { copyResponse } from "@/lib/captures/copy-response";

export const dynamic = "force-dynamic";

/** A captured copy's original bytes, as a download, for signed-in staff only (lib/captures/copy-response.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return copyResponse(request, (await params).id, "original");
}
