// datapackage.json: a Frictionless Tabular Data Package (v1 specification), with a Table Schema
// for every CSV (types, the codebook's descriptions, primary and foreign keys) and each file's
// size and SHA-256. The columns come from the export's own lists (lib/export/csv.ts), so a column
// added to the export is described here without a second list to keep in step.
import { ACTOR_COLUMNS } from "../actors/csv";
import { ACTOR_KINDS } from "../events/codebook";
import { FIELDS } from "../events/field-docs";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "../export/csv";
import { releaseUrl, type DatasetMetadata } from "./metadata";

export interface TableField {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date" | "datetime";
  format?: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string };
}

export interface PackagedFile {
  name: string;
  sha256: string;
  size: number;
}

type Spec = Omit<TableField, "name" | "description">;

const DATETIME: Spec = { type: "datetime", format: "any" }; // 2026-12-01T09:00:00.000Z (milliseconds)
const INTEGER: Spec = { type: "integer", constraints: { required: true } };
const PRECISION: Spec = { type: "string", constraints: { enum: ["day", "month", "year"] } };

const EVENT_TYPES: Record<string, Spec> = {
  id: { type: "string", constraints: { required: true, unique: true } },
  url: { type: "string", format: "uri", constraints: { required: true } },
  claim_status: {
    type: "string",
    constraints: { required: true, enum: ["confirmed", "alleged", "denied", "announced"] },
  },
  start_date: { type: "date", constraints: { required: true } },
  end_date: { type: "date" },
  date_precision: { ...PRECISION, constraints: { required: true, enum: ["day", "month", "year"] } },
  end_date_precision: PRECISION,
  approximate: { type: "boolean", constraints: { required: true } },
  latitude: { type: "number" },
  longitude: { type: "number" },
  sanctions_regime: { type: "string", constraints: { enum: ["un_1718", "us", "eu", "other"] } },
  source_count: INTEGER,
  status: { type: "string", constraints: { required: true, enum: ["published", "retracted"] } },
  first_published_at: DATETIME,
  last_changed_at: { ...DATETIME, constraints: { required: true } },
  disputing_source_count: INTEGER,
  quote_count: INTEGER,
  verified_quote_count: INTEGER,
};

const SOURCE_TYPES: Record<string, Spec> = {
  event_id: { type: "string", constraints: { required: true } },
  event_url: { type: "string", format: "uri", constraints: { required: true } },
  position: { type: "integer", constraints: { required: true } },
  url: { type: "string", format: "uri" },
  archived_url: { type: "string", format: "uri" },
  published_on: { type: "string", constraints: { pattern: "[+-]?\\d{4,6}(-\\d{2}(-\\d{2})?)?" } },
  accessed_on: { type: "date" },
  source_type: { type: "string", constraints: { required: true, enum: ["official", "news", "analysis", "dataset"] } },
  stance: { type: "string", constraints: { required: true, enum: ["supports", "disputes", "context"] } },
  quote_check: {
    type: "string",
    constraints: { required: true, enum: ["verified", "not_found", "no_copy", "no_quote"] },
  },
  copy_sha256: { type: "string", constraints: { pattern: "[0-9a-f]{64}" } },
  copy_captured_at: DATETIME,
};

/** The codebook's text for a column, looked up in the named groups in order ("a, b" entries cover both). */
function describe(column: string, groups: string[]): string {
  for (const group of groups) {
    for (const [names, text] of FIELDS.find((g) => g.name === group)?.fields ?? []) {
      if (names.split(", ").includes(column)) return text;
    }
  }
  return "See the codebook on the tracker's site.";
}

export const eventFields = (): TableField[] =>
  EVENT_COLUMNS.map((name) => ({
    name,
    ...(EVENT_TYPES[name] ?? { type: "string" }),
    description: describe(name, ["CSV export", "Event"]),
  }));

export const sourceFields = (): TableField[] =>
  SOURCE_COLUMNS.map((name) => ({
    name,
    ...(SOURCE_TYPES[name] ?? { type: "string" }),
    description: describe(name, ["Source", "CSV export", "Event"]),
  }));

const ACTOR_FIELDS: Record<string, Spec & { description: string }> = {
  slug: {
    type: "string",
    constraints: { required: true, unique: true },
    description: "Stable identifier of the actor, used in the tracker's addresses (/actors/<slug>) and filters.",
  },
  name: {
    type: "string",
    constraints: { required: true },
    description: "The actor's name as the tracker writes it; events.csv's actors column names actors by it.",
  },
  kind: {
    type: "string",
    constraints: { required: true, enum: Object.keys(ACTOR_KINDS) },
    description: "What the actor is: a state, a person, an organisation, an international body or a company.",
  },
  country_code: {
    type: "string",
    description: "ISO 3166-1 two-letter code of the country the actor is tied to, when there is one.",
  },
  aliases: { type: "string", description: "Other names of the actor, separated by “ | ”." },
  description: { type: "string", description: "A short description by the tracker's editors." },
  event_count: {
    type: "integer",
    constraints: { required: true },
    description: "How many public events name the actor.",
  },
};

export const actorFields = (): TableField[] =>
  ACTOR_COLUMNS.map((name) => ({
    name,
    ...(ACTOR_FIELDS[name] ?? { type: "string", description: "See the codebook on the tracker's site." }),
  }));

const DIALECT = { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true };

export interface PackageInput {
  meta: DatasetMetadata;
  version: string;
  title: string;
  createdAt: Date;
  files: PackagedFile[];
}

export function dataPackage({ meta, version, title, createdAt, files }: PackageInput) {
  const file = (name: string) => {
    const f = files.find((x) => x.name === name);
    if (!f) throw new Error(`${name} is not in the release.`);
    return { path: name, bytes: f.size, hash: `sha256:${f.sha256}` };
  };
  const resource = (name: string, description: string, schema: object) => ({
    name,
    ...file(`${name}.csv`),
    profile: "tabular-data-resource",
    title: `${name[0].toUpperCase()}${name.slice(1)}`,
    description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: DIALECT,
    schema,
  });
  return {
    profile: "tabular-data-package",
    name: meta.name,
    title: `${meta.title} — ${title}`,
    description: meta.description,
    version,
    created: createdAt.toISOString(),
    homepage: releaseUrl(meta, version),
    licenses: [meta.license],
    sources: [{ title: meta.title, path: `${meta.origin}/` }],
    contributors: [{ title: meta.author, role: "author" }],
    keywords: ["sanctions", "arms transfers", "events"],
    resources: [
      resource(
        "events",
        "One row per public event (published or retracted), as /events.csv?retracted=include gave it when the release was made.",
        {
          fields: eventFields(),
          primaryKey: ["id"],
          missingValues: [""],
        },
      ),
      resource("sources", "One row per cited source of those events, as /sources.csv?retracted=include gave it.", {
        fields: sourceFields(),
        primaryKey: ["event_id", "position"],
        foreignKeys: [{ fields: ["event_id"], reference: { resource: "events", fields: ["id"] } }],
        missingValues: [""],
      }),
      ...(files.some((f) => f.name === "actors.csv")
        ? [
            resource(
              "actors",
              "One row per public actor (named in at least one published event), as /actors.csv gave it.",
              { fields: actorFields(), primaryKey: ["slug"], missingValues: [""] },
            ),
          ]
        : []),
    ],
  };
}
