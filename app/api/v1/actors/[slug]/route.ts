import { handleActorDetail } from "@/lib/actors/detail-handler";
import { corsPreflight, withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  handleActorDetail(request, (await params).slug),
);
export const OPTIONS = corsPreflight;
