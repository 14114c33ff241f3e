import "server-only";
import { apiError, cachedJson } from "../api/http";
import { lookupActors } from "./lookup";
import { parseLookupParams } from "./lookup-params";

/**
 * GET /api/v1/actors?q=…&limit=…: the filter picker's type-ahead. `{ data: [{ slug, name, kind,
 * country }] }`, public actors only, with the API's validators and short public cache.
 */
export async function handleActorLookup(request: Request): Promise<Response> {
  const parsed = parseLookupParams(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, parsed.message, parsed.parameters);
  return cachedJson(request, { data: await lookupActors(parsed.q, parsed.limit) }, null);
}
