import { describe, expect, it } from "vitest";
import { MAX_LOOKUP_TEXT } from "../actors/lookup-params";
import { ACTOR_KINDS, QUOTE_CHECKS, SOURCE_STANCES } from "../events/codebook";
import { openApiDocument } from "./openapi";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  enum?: string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
};

const doc = openApiDocument("https://tracker.example");
const event = doc.components.schemas.Event as JsonSchema;
const source = event.properties!.sources.items!;
const allowsNull = (s: JsonSchema) =>
  s.type === "null" || (Array.isArray(s.type) && s.type.includes("null")) || Boolean(s.anyOf?.some(allowsNull));

describe("OpenAPI document", () => {
  it("describes every provenance field of a source, generated from the zod schemas", () => {
    for (const field of ["quote", "note", "stance", "quoteCheck", "copy"]) {
      expect(source.properties![field]?.description, field).toMatch(/\w{4}/);
      expect(source.required, field).toContain(field);
    }
    expect(source.properties!.stance.enum).toEqual(Object.keys(SOURCE_STANCES));
    expect(source.properties!.quoteCheck.enum).toEqual(Object.keys(QUOTE_CHECKS));
    // Each value's meaning comes from the codebook.
    expect(source.properties!.quoteCheck.description).toContain(QUOTE_CHECKS.no_copy);
    expect(allowsNull(source.properties!.quote)).toBe(true);
    expect(allowsNull(source.properties!.note)).toBe(true);
    expect(allowsNull(source.properties!.copy)).toBe(true);
    expect(JSON.stringify(source.properties!.copy)).toMatch(/"sha256".*"capturedAt"/);
  });

  it("gives the event its count of disputing sources, and nothing meant for editors", () => {
    expect(event.properties!.disputingSourceCount.type).toBe("integer");
    expect(event.properties!.disputingSourceCount.description).toMatch(/dispute/);
    expect(JSON.stringify(doc)).not.toMatch(/quoteMatch|fullText/);
    expect(doc.info.description).toMatch(/quote` is null/);
  });

  it("documents sparse fields and include=count on the list, with the count's place in the answer", () => {
    const list = doc.paths["/api/v1/events"].get.parameters;
    const fields = list.find((p) => p.name === "fields")!;
    expect((fields.schema as JsonSchema).items!.enum).toEqual(Object.keys(event.properties!));
    expect(fields.description).toMatch(/400/);
    expect((list.find((p) => p.name === "include")!.schema as JsonSchema).items!.enum).toEqual(["count"]);
    const eventList = doc.components.schemas.EventList as JsonSchema;
    expect(eventList.properties!.meta.properties!.count.type).toBe("integer");
    expect(eventList.required).not.toContain("meta");
    expect(doc.info.version).toBe("1.4.0");
  });

  it("documents as_of on the list and on one event", () => {
    for (const path of ["/api/v1/events", "/api/v1/events/{id}"] as const) {
      const asOf = doc.paths[path].get.parameters.find((p) => p.name === "as_of");
      expect(asOf && "description" in asOf ? asOf.description : null, path).toMatch(/as it stood/);
    }
  });

  it("documents the actor look-up with its limits and the kinds an actor can have", () => {
    const lookup = doc.paths["/api/v1/actors"].get;
    const q = lookup.parameters.find((p) => p.name === "q")!;
    expect(q.required).toBe(true);
    expect((q.schema as { maxLength: number }).maxLength).toBe(MAX_LOOKUP_TEXT);
    expect(lookup.responses["400"].content!["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    const actor = (doc.components.schemas.ActorMatches as JsonSchema).properties!.data.items!;
    expect(actor.properties!.kind.enum).toEqual(Object.keys(ACTOR_KINDS));
    expect(actor.required).toEqual(["slug", "name", "kind", "country"]);
  });

  it("documents one actor's page in JSON, and the merged slug's permanent redirect", () => {
    const detail = doc.paths["/api/v1/actors/{slug}"].get;
    expect(Object.keys(detail.responses)).toEqual(expect.arrayContaining(["200", "308", "404"]));
    const data = (doc.components.schemas.ActorDetail as JsonSchema).properties!.data;
    expect(data.required).toEqual(expect.arrayContaining(["slug", "eventsByYear", "counterparties"]));
  });

  it("documents the data releases, each file with its SHA-256", () => {
    expect(Object.keys(doc.paths["/api/v1/releases/{version}"].get.responses)).toEqual(
      expect.arrayContaining(["200", "404"]),
    );
    const release = doc.components.schemas.Release as JsonSchema;
    expect(release.required).toEqual(expect.arrayContaining(["version", "createdAt", "zip", "files"]));
    expect(release.properties!.files.items!.required).toContain("sha256");
  });
});
