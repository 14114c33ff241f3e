import { corsPreflight } from "@/lib/api/http";
import { handleListReleases } from "@/lib/releases/http";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => handleListReleases(request);
export const OPTIONS = corsPreflight;
