// "Upload a saved copy" in the event form posts here (see lib/captures/upload-copy.ts).
import { uploadCopyRequest } from "@/lib/captures/upload-copy";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return uploadCopyRequest(request);
}
