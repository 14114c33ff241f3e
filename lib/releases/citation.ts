// Citations of the tracker and of one release, from the same metadata as CITATION.cff: APA 7th
// edition's form for a data set ("Author. (Year). Title (Version v) [Data set]. Publisher. URL")
// and a BibTeX @misc entry (classic BibTeX has no @dataset; biblatex reads @misc as well).
import { MONTH_NAMES } from "../day";
import { releaseUrl, type DatasetMetadata } from "./metadata";

export interface CitedRelease {
  version: string;
  createdAt: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** YAML double-quoted scalar: JSON's string syntax is a subset of YAML's. */
const yaml = (s: string) => JSON.stringify(s);

export function citationCff(meta: DatasetMetadata, release: CitedRelease): string {
  return [
    "cff-version: 1.2.0",
    'message: "If you use these data, please cite this release as below."',
    "type: dataset",
    `title: ${yaml(meta.title)}`,
    `abstract: ${yaml(meta.description)}`,
    "authors:",
    `  - name: ${yaml(meta.author)}`,
    `version: ${yaml(release.version)}`,
    `date-released: ${yaml(day(release.createdAt))}`,
    `license: ${yaml(meta.license.name)}`,
    `url: ${yaml(releaseUrl(meta, release.version))}`,
    "",
  ].join("\n");
}

export function apaRelease(meta: DatasetMetadata, release: CitedRelease): string {
  return `${meta.author}. (${release.createdAt.getUTCFullYear()}). ${meta.title} (Version ${release.version}) [Data set]. ${releaseUrl(meta, release.version)}`;
}

/** The live tracker, which changes: APA asks for the date it was read (a placeholder when null, for a cached page). */
export function apaTracker(meta: DatasetMetadata, readOn: Date | null): string {
  const d = readOn
    ? `${MONTH_NAMES[readOn.getUTCMonth()]} ${readOn.getUTCDate()}, ${readOn.getUTCFullYear()}`
    : "[the date you read it]";
  return `${meta.author}. (n.d.). ${meta.title} [Data set]. Retrieved ${d}, from ${meta.origin}/`;
}

/** BibTeX braces: a title's capitals kept as written, and the special characters escaped. */
const tex = (s: string) => s.replace(/[\\{}]/g, "").replace(/([&%$#_])/g, "\\$1");

export function bibtexRelease(meta: DatasetMetadata, release: CitedRelease): string {
  const key = `${meta.name.replace(/[^a-z0-9]+/gi, "")}${release.version.replace(/\./g, "_")}`;
  return [
    `@misc{${key},`,
    `  author = {{${tex(meta.author)}}},`,
    `  title = {{${tex(meta.title)}}},`,
    `  version = {${release.version}},`,
    `  year = {${release.createdAt.getUTCFullYear()}},`,
    `  month = ${MONTH_NAMES[release.createdAt.getUTCMonth()].slice(0, 3).toLowerCase()},`,
    `  howpublished = {\\url{${releaseUrl(meta, release.version)}}},`,
    `  note = {Data set, version ${release.version}, ${day(release.createdAt)}. Licence: ${tex(meta.license.name)}},`,
    "}",
  ].join("\n");
}

export function bibtexTracker(meta: DatasetMetadata, readOn: Date | null): string {
  return [
    `@misc{${meta.name.replace(/[^a-z0-9]+/gi, "")},`,
    `  author = {{${tex(meta.author)}}},`,
    `  title = {{${tex(meta.title)}}},`,
    `  howpublished = {\\url{${meta.origin}/}},`,
    `  note = {Data set, accessed ${readOn ? day(readOn) : "YYYY-MM-DD"}},`,
    "}",
  ].join("\n");
}
