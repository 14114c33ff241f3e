// The base geography: Natural Earth's 1:110m countries as shipped by world-atlas (TopoJSON, keyed
// by ISO 3166-1 numeric codes), decoded once per process. Events name countries by ISO alpha-2
// (KP, RU); i18n-iso-countries maps those to the numeric ids and gives English names, so no table
// of ~250 codes is kept by hand. Everything here is offline: no tile server, no network.
import { geoCentroid } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";

export type CountryFeature = Feature<Geometry, { name: string }> & { id: string };

let cache: {
  features: CountryFeature[];
  byNumeric: Map<string, CountryFeature>;
  centroids: Map<string, [number, number]>;
} | null = null;

function load() {
  if (cache) return cache;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  // A few disputed areas (e.g. Kosovo, N. Cyprus) carry no ISO id: drawn as land, never matched.
  const features = fc.features.map((f) => ({
    ...f,
    id: f.id === undefined ? "" : String(f.id).padStart(3, "0"),
  })) as CountryFeature[];
  const byNumeric = new Map(features.filter((f) => f.id).map((f) => [f.id, f]));
  const centroids = new Map([...byNumeric].map(([id, f]) => [id, geoCentroid(f) as [number, number]]));
  cache = { features, byNumeric, centroids };
  return cache;
}

export const countryFeatures = () => load().features;

/** The country's outline, or undefined for a code unknown or too small for the 1:110m map (e.g. SG). */
export function countryByAlpha2(code: string): CountryFeature | undefined {
  const numeric = countries.alpha2ToNumeric(code);
  return numeric ? load().byNumeric.get(numeric) : undefined;
}

/** Where an arrow to or from the country starts: its outline's spherical centroid. */
export function countryCentroid(code: string): [number, number] | undefined {
  const numeric = countries.alpha2ToNumeric(code);
  return numeric ? load().centroids.get(numeric) : undefined;
}

// The package's names are official forms ("Korea, Republic of") beside common ones; readers know
// the common one, which is mostly the shortest that is not an abbreviation (US, U.S.A.).
const NAME_OVERRIDES: Record<string, string> = { GB: "United Kingdom" };

/** "North Korea" for KP, "South Korea" for KR; the code itself when unknown. */
export function countryName(code: string): string {
  if (NAME_OVERRIDES[code]) return NAME_OVERRIDES[code];
  const names = (countries.getName(code, "en", { select: "all" }) ?? []).filter((n) => !/^[A-Z.]+$/.test(n));
  return names.length ? names.reduce((a, b) => (b.length < a.length ? b : a)) : code;
}
