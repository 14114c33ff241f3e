// What a release says about itself: the dataset's name, licence, authors. One source for
// datapackage.json, CITATION.cff and the citation shown on /data, so the three never disagree.
// Configurable by environment (README, Configuration); the defaults suit this tracker.
import { publicOrigin } from "../public-url";

type Env = Record<string, string | undefined>;

export interface License {
  /** SPDX identifier, e.g. CC-BY-4.0. */
  name: string;
  title: string;
  path?: string;
}

const KNOWN_LICENSES: Record<string, Omit<License, "name">> = {
  "CC-BY-4.0": { title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" },
  "CC-BY-SA-4.0": {
    title: "Creative Commons Attribution Share-Alike 4.0",
    path: "https://creativecommons.org/licenses/by-sa/4.0/",
  },
  "CC0-1.0": { title: "CC0 1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/" },
  "ODC-By-1.0": {
    title: "Open Data Commons Attribution License 1.0",
    path: "https://opendatacommons.org/licenses/by/1-0/",
  },
  "ODbL-1.0": {
    title: "Open Data Commons Open Database License 1.0",
    path: "https://opendatacommons.org/licenses/odbl/1-0/",
  },
};

export interface DatasetMetadata {
  /** Data Package name: lower case, digits, - _ . only. */
  name: string;
  title: string;
  description: string;
  /** The citation's author: the organisation that edits the tracker. */
  author: string;
  license: License;
  origin: string;
}

export function datasetMetadata(env: Env = process.env): DatasetMetadata {
  const id = env.RELEASE_LICENSE?.trim() || "CC-BY-4.0";
  const known = KNOWN_LICENSES[id];
  const title = env.RELEASE_TITLE?.trim() || "Sanctions & Arms-Transfer Tracker";
  return {
    name: env.RELEASE_NAME?.trim() || "sanctions-arms-transfer-tracker",
    title,
    description:
      env.RELEASE_DESCRIPTION?.trim() ||
      "Dated, sourced events of sanctions, arms transfers and related diplomacy, each with its cited sources, as published by the tracker's editors.",
    author: env.RELEASE_AUTHOR?.trim() || `${title} editors`,
    license: known
      ? { name: id, ...known }
      : {
          name: id,
          title: env.RELEASE_LICENSE_TITLE?.trim() || id,
          ...(env.RELEASE_LICENSE_URL?.trim() ? { path: env.RELEASE_LICENSE_URL.trim() } : {}),
        },
    origin: publicOrigin(env),
  };
}

export const releaseUrl = (meta: DatasetMetadata, version: string) => `${meta.origin}/data/releases/${version}`;
