// The OpenAPI 3.1 document, generated from the same zod schemas the handlers answer with.
import { z } from "zod";
import { CLAIM_STATUS_SLUGS, EVENT_TYPE_SLUGS } from "../events/codebook";
import { SORTS } from "../events/query-params";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./events";
import { apiDeletedSchema, apiErrorSchema, apiEventListSchema, apiEventSchema } from "./schemas";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output" });
const param = (name: string, description: string, s: object, explode = false) => ({ name, in: "query", required: false, description, schema: s, ...(explode ? { explode: true, style: "form" } : {}) });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sanctions & Arms-Transfer Tracker API",
      version: "1.1.0",
      description: "Published events with their sources and quotes. Filters match the /events page. Pages are keyset cursors: stable while events are added. For mirrors, pass updated_since to receive every change, including retractions (status) and deletions (tombstones). "
        + "Since 1.1.0 each source also has `note` (the editor's words, apart from the source's), `stance` (supports, disputes or context), `quoteCheck` (whether the quote was found in a captured copy) and `copy` (that copy's SHA-256 and capture time), and each event `disputingSourceCount`; "
        + "`quote` is null when a citation has only an editor's note (before 1.1.0 such notes were wrongly given as quotes).",
    },
    servers: [{ url: origin }],
    paths: {
      "/api/v1/events": {
        get: {
          summary: "List events",
          parameters: [
            param("q", "Free text over titles, summaries, actor names and aliases, and source publishers", { type: "string", maxLength: 200 }),
            param("type", "Event type (repeatable)", { type: "array", items: { type: "string", enum: EVENT_TYPE_SLUGS } }, true),
            param("actor", "Actor slug (repeatable)", { type: "array", items: { type: "string" } }, true),
            param("claim", "Claim status (repeatable)", { type: "array", items: { type: "string", enum: CLAIM_STATUS_SLUGS } }, true),
            param("from", "Range start: YYYY, YYYY-MM or YYYY-MM-DD; events whose date span overlaps the range match", { type: "string" }),
            param("to", "Range end: YYYY, YYYY-MM or YYYY-MM-DD", { type: "string" }),
            param("retracted", "`include` to list retracted events too", { type: "string", enum: ["include"] }),
            param("sort", "Order (ignored with updated_since, which orders by last change)", { type: "string", enum: SORTS, default: "-date" }),
            param("limit", "Events per page", { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
            param("cursor", "nextCursor from the previous page", { type: "string" }),
            param("updated_since", "ISO 8601 date-time: events changed at or after it, oldest change first, with retracted and deleted ones", { type: "string", format: "date-time" }),
          ],
          responses: {
            "200": { description: "A page of events", content: json("EventList") },
            "304": { description: "Not modified (If-None-Match)" },
            "400": { description: "A bad parameter, named in error.parameters", content: json("Error") },
          },
        },
      },
      "/api/v1/events/{id}": {
        get: {
          summary: "One event",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The event", content: json("Event") },
            "404": { description: "No such public event", content: json("Error") },
            "410": { description: "Deleted: a tombstone", content: json("DeletedEvent") },
          },
        },
      },
    },
    components: {
      schemas: { Event: schema(apiEventSchema), DeletedEvent: schema(apiDeletedSchema), EventList: schema(apiEventListSchema), Error: schema(apiErrorSchema) },
    },
  };
}
