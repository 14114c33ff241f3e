// The actor pages' part of the OpenAPI document (lib/api/openapi.ts spreads these in).
import { ACTOR_KINDS, ACTOR_ROLES } from "../events/codebook";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const kind = { type: "string", enum: Object.keys(ACTOR_KINDS) };
const country = { type: ["string", "null"], description: "ISO 3166-1 alpha-2, when the actor is tied to a country" };

export const actorPaths = {
  "/api/v1/actors/{slug}": {
    get: {
      summary: "One public actor: its events by year and role, and its counterparties",
      description:
        "Only published events count. The slug of an actor merged into another answers 308 with the kept actor's address.",
      parameters: [
        { name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,100}$" } },
      ],
      responses: {
        "200": { description: "The actor", content: { "application/json": { schema: ref("ActorDetail") } } },
        "304": { description: "Not modified (If-None-Match)" },
        "308": { description: "A merged actor's old slug: Location is the actor it was merged into" },
        "404": {
          description: "No public actor has this slug",
          content: { "application/json": { schema: ref("Error") } },
        },
      },
    },
  },
};

export const actorSchemas = {
  ActorDetail: {
    type: "object",
    required: ["data"],
    properties: {
      data: {
        type: "object",
        required: [
          "slug",
          "name",
          "kind",
          "country",
          "aliases",
          "description",
          "url",
          "eventCount",
          "eventsByYear",
          "counterparties",
          "events",
        ],
        properties: {
          slug: { type: "string" },
          name: { type: "string" },
          kind,
          country,
          aliases: { type: "array", items: { type: "string" } },
          description: { type: ["string", "null"] },
          url: { type: "string", format: "uri", description: "The actor's public page" },
          eventCount: { type: "integer", description: "Published events naming the actor" },
          eventsByYear: {
            type: "array",
            description: "Published events naming the actor, by the year of their start date and the actor's role",
            items: {
              type: "object",
              required: ["year", "role", "count"],
              properties: {
                year: { type: "integer" },
                role: { type: "string", enum: Object.keys(ACTOR_ROLES) },
                count: { type: "integer" },
              },
            },
          },
          counterparties: {
            type: "array",
            description: "Actors named in the same published events, most shared events first",
            items: {
              type: "object",
              required: ["slug", "name", "kind", "country", "eventCount", "relations"],
              properties: {
                slug: { type: "string" },
                name: { type: "string" },
                kind,
                country,
                eventCount: { type: "integer", description: "Published events naming both actors" },
                relations: {
                  type: "array",
                  description:
                    "How this actor relates to the counterparty, from their roles: e.g. `supplied to` (supplier → recipient), `received from`, `warned` (speaker → addressee in a warning), `sanctioned` (initiator → target of sanctions), `met` (participants), `appeared with`",
                  items: {
                    type: "object",
                    required: ["label", "count"],
                    properties: { label: { type: "string" }, count: { type: "integer" } },
                  },
                },
              },
            },
          },
          events: { type: "string", format: "uri", description: "The events list filtered by this actor" },
        },
      },
    },
  },
};
