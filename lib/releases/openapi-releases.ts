// The releases' part of the OpenAPI document (lib/api/openapi.ts spreads these in); the shapes
// are those of apiRelease (lib/releases/http.ts).
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const sha256 = {
  type: "string",
  pattern: "^[0-9a-f]{64}$",
  description: "Lower-case hex SHA-256 of the file's bytes, which never change",
};
const VERSION_PATTERN = "^\\d{4}\\.(1[0-2]|[1-9])\\.[1-9]\\d*$";

export const releasePaths = {
  "/api/v1/releases": {
    get: {
      summary: "The data releases, newest first",
      description:
        "Numbered, immutable snapshots of the public record (year.month.n: the n-th release made in that UTC month), each with its files, their sizes and SHA-256, and the zip of all of them.",
      responses: {
        "200": { description: "Every release", content: json("ReleaseList") },
        "304": { description: "Not modified (If-None-Match)" },
      },
    },
  },
  "/api/v1/releases/{version}": {
    get: {
      summary: "One data release",
      parameters: [
        {
          name: "version",
          in: "path",
          required: true,
          schema: { type: "string", pattern: VERSION_PATTERN },
          example: "2026.12.1",
        },
      ],
      responses: {
        "200": { description: "The release", content: json("Release") },
        "304": { description: "Not modified (If-None-Match)" },
        "404": { description: "No such release", content: json("Error") },
      },
    },
  },
};

const file = {
  type: "object",
  required: ["name", "mediaType", "size", "sha256", "url"],
  properties: {
    name: { type: "string" },
    mediaType: { type: "string" },
    size: { type: "integer", description: "Bytes" },
    sha256,
    url: { type: "string", format: "uri" },
  },
};

export const releaseSchemas = {
  Release: {
    type: "object",
    required: [
      "version",
      "title",
      "description",
      "createdAt",
      "eventCount",
      "sourceCount",
      "actorCount",
      "url",
      "zip",
      "files",
    ],
    properties: {
      version: { type: "string", pattern: VERSION_PATTERN },
      title: { type: "string" },
      description: { type: ["string", "null"] },
      createdAt: { type: "string", format: "date-time", description: "The moment the record was read" },
      eventCount: { type: "integer", description: "Events in events.csv: published and retracted" },
      sourceCount: { type: "integer", description: "Rows of sources.csv" },
      actorCount: { type: ["integer", "null"], description: "Rows of actors.csv" },
      url: { type: "string", format: "uri", description: "The release's page" },
      zip: {
        type: ["object", "null"],
        required: ["url", "size", "sha256"],
        properties: { url: { type: "string", format: "uri" }, size: { type: "integer" }, sha256 },
      },
      files: {
        type: "array",
        description: "events.csv, sources.csv, actors.csv, datapackage.json, CHANGELOG.md, CITATION.cff, SHA256SUMS",
        items: file,
      },
    },
  },
  ReleaseList: {
    type: "object",
    required: ["releases"],
    properties: { releases: { type: "array", items: ref("Release") } },
  },
};
