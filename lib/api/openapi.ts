// The OpenAPI 3.1 document, generated from the same zod schemas the handlers answer with.
import { z } from "zod";
import { ACTOR_KINDS, CLAIM_STATUS_SLUGS, EVENT_TYPE_SLUGS } from "../events/codebook";
import { SORTS } from "../events/query-params";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./events";
import { DEFAULT_LOOKUP_LIMIT, MAX_LOOKUP_LIMIT, MAX_LOOKUP_TEXT } from "../actors/lookup-params";
import { actorPaths, actorSchemas } from "../actors/openapi-actors";
import { releasePaths, releaseSchemas } from "../releases/openapi-releases";
import { API_FIELDS, INCLUDES } from "./fields";
import { apiDeletedSchema, apiErrorSchema, apiEventListSchema, apiEventSchema } from "./schemas";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output" });
const param = (name: string, description: string, s: object, explode = false) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: s,
  ...(explode ? { explode: true, style: "form" } : {}),
});
// Lists typed as one comma-separated value (repeating the parameter works too).
const commaSeparated = (name: string, description: string, s: object) => ({
  ...param(name, description, s),
  style: "form",
  explode: false,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sanctions & Arms-Transfer Tracker API",
      version: "1.4.0",
      description:
        "Published events with their sources and quotes. Filters match the /events page. Pages are keyset cursors: stable while events are added. For mirrors, pass updated_since to receive every change, including retractions (status) and deletions (tombstones). " +
        "Since 1.1.0 each source also has `note` (the editor's words, apart from the source's), `stance` (supports, disputes or context), `quoteCheck` (whether the quote was found in a captured copy) and `copy` (that copy's SHA-256 and capture time), and each event `disputingSourceCount`; " +
        "`quote` is null when a citation has only an editor's note (before 1.1.0 such notes were wrongly given as quotes). " +
        "Since 1.2.0 the list takes `fields` (sparse fields: only the named top-level members of each event) and `include=count` (the total number of matching events in `meta.count`), " +
        "and `/api/v1/actors` looks up public actors by name for type-ahead fields. " +
        "Since 1.3.0 `/api/v1/actors/{slug}` gives one actor with its events by year and role and its counterparties (a merged actor's old slug answers 308). " +
        "Since 1.4.0 `/api/v1/releases` lists the numbered, immutable data releases with their files and SHA-256.",
    },
    servers: [{ url: origin }],
    paths: {
      "/api/v1/events": {
        get: {
          summary: "List events",
          parameters: [
            param("q", "Free text over titles, summaries, actor names and aliases, and source publishers", {
              type: "string",
              maxLength: 200,
            }),
            param(
              "type",
              "Event type (repeatable)",
              { type: "array", items: { type: "string", enum: EVENT_TYPE_SLUGS } },
              true,
            ),
            param("actor", "Actor slug (repeatable)", { type: "array", items: { type: "string" } }, true),
            param(
              "claim",
              "Claim status (repeatable)",
              { type: "array", items: { type: "string", enum: CLAIM_STATUS_SLUGS } },
              true,
            ),
            param("from", "Range start: YYYY, YYYY-MM or YYYY-MM-DD; events whose date span overlaps the range match", {
              type: "string",
            }),
            param("to", "Range end: YYYY, YYYY-MM or YYYY-MM-DD", { type: "string" }),
            param("retracted", "`include` to list retracted events too", { type: "string", enum: ["include"] }),
            param("sort", "Order (ignored with updated_since, which orders by last change)", {
              type: "string",
              enum: SORTS,
              default: "-date",
            }),
            param("limit", "Events per page", {
              type: "integer",
              minimum: 1,
              maximum: MAX_LIMIT,
              default: DEFAULT_LIMIT,
            }),
            param("cursor", "nextCursor from the previous page", { type: "string" }),
            param(
              "updated_since",
              "ISO 8601 date-time: events changed at or after it, oldest change first, with retracted and deleted ones",
              { type: "string", format: "date-time" },
            ),
            param(
              "as_of",
              "The published record as it stood at this moment, rebuilt from the events' revisions: an ISO 8601 date (the end of that day, UTC) or date-time (UTC when no zone is given). Not with updated_since. A future or unreadable value is a 400 naming it",
              { type: "string" },
            ),
            commaSeparated(
              "fields",
              "Sparse fields: the top-level members of each event to return, comma-separated or repeated, e.g. `id,title,eventType,date`. Members come in the Event schema's order whatever the order asked; `date`, `actors` and `sources` come whole. The other members are then absent, though the Event schema lists them as required. A deleted event's tombstone is always whole. Without it, every member. An unknown name is a 400 naming it",
              { type: "array", items: { type: "string", enum: API_FIELDS } },
            ),
            commaSeparated(
              "include",
              "`count` adds `meta.count`, the number of events matching the filters across all pages (the cursor does not change it). It is kept until the next change to the public data, so asking again is cheap",
              { type: "array", items: { type: "string", enum: INCLUDES } },
            ),
          ],
          responses: {
            "200": {
              description: "A page of events; with `fields`, each event has only the members asked for",
              content: json("EventList"),
            },
            "304": { description: "Not modified (If-None-Match)" },
            "400": { description: "A bad parameter, named in error.parameters", content: json("Error") },
          },
        },
      },
      "/api/v1/events/{id}": {
        get: {
          summary: "One event",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            param(
              "as_of",
              "The event as it stood at this moment (as on the list): 404 if it was not public then, 410 if deleted by then",
              { type: "string" },
            ),
          ],
          responses: {
            "200": { description: "The event", content: json("Event") },
            "404": { description: "No such public event", content: json("Error") },
            "410": { description: "Deleted: a tombstone", content: json("DeletedEvent") },
          },
        },
      },
      ...actorPaths,
      ...releasePaths,
      "/api/v1/actors": {
        get: {
          summary: "Look up public actors by name, alias or slug (the filter's type-ahead)",
          description:
            "Actors named in at least one published event whose name, alias or slug contains q, ignoring case and accents; names that start with q first, then by name.",
          parameters: [
            {
              name: "q",
              in: "query",
              required: true,
              description: "Text to look up; must hold a letter or a digit",
              schema: { type: "string", minLength: 1, maxLength: MAX_LOOKUP_TEXT },
            },
            param("limit", "Actors to return", {
              type: "integer",
              minimum: 1,
              maximum: MAX_LOOKUP_LIMIT,
              default: DEFAULT_LOOKUP_LIMIT,
            }),
          ],
          responses: {
            "200": { description: "Matching actors", content: json("ActorMatches") },
            "304": { description: "Not modified (If-None-Match)" },
            "400": { description: "A missing or bad q or limit, named in error.parameters", content: json("Error") },
          },
        },
      },
    },
    components: {
      schemas: {
        Event: schema(apiEventSchema),
        DeletedEvent: schema(apiDeletedSchema),
        EventList: schema(apiEventListSchema),
        Error: schema(apiErrorSchema),
        ...actorSchemas,
        ...releaseSchemas,
        ActorMatches: {
          type: "object",
          required: ["data"],
          properties: {
            data: {
              type: "array",
              items: {
                type: "object",
                required: ["slug", "name", "kind", "country"],
                properties: {
                  slug: { type: "string" },
                  name: { type: "string" },
                  kind: { type: "string", enum: Object.keys(ACTOR_KINDS) },
                  country: {
                    type: ["string", "null"],
                    description: "ISO 3166-1 alpha-2, when the actor is tied to a country",
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
