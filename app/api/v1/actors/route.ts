import { handleActorLookup } from "@/lib/actors/lookup-handler";
import { corsPreflight, withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors((request: Request) => handleActorLookup(request));
export const OPTIONS = corsPreflight;
