import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { apaRelease, bibtexRelease, citationCff } from "./citation";
import { actorFields, dataPackage, eventFields, sourceFields } from "./datapackage";
import { datasetMetadata } from "./metadata";
import { formatVersion, nextNumber, parseVersion } from "./numbering";
import { ReleaseZip, releaseZip } from "./zip";
import { createHash } from "node:crypto";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const meta = datasetMetadata({ PUBLIC_URL: "https://tracker.example.org" });
const release = { version: "2026.12.2", createdAt: new Date("2026-12-31T23:30:00Z") };

describe("release numbers", () => {
  it("are year.month.n in UTC, and nothing else parses as one", () => {
    expect(formatVersion(nextNumber(new Date("2026-12-31T23:59:59Z"), 1))).toBe("2026.12.2");
    expect(formatVersion(nextNumber(new Date("2027-01-01T00:00:00Z"), 0))).toBe("2027.1.1");
    expect(parseVersion("2026.12.10")).toEqual({ year: 2026, month: 12, number: 10 });
    for (const bad of ["2026.012.1", "2026.13.1", "2026.12.0", "latest", "2026.12.1.zip", "../x"])
      expect(parseVersion(bad), bad).toBeNull();
  });
});

describe("citations", () => {
  it("say the same in CITATION.cff, APA and BibTeX", () => {
    const cff = citationCff(meta, release);
    expect(cff).toContain('version: "2026.12.2"');
    expect(cff).toContain('date-released: "2026-12-31"');
    expect(cff).toContain('license: "CC-BY-4.0"');
    expect(apaRelease(meta, release)).toBe(
      "Sanctions & Arms-Transfer Tracker editors. (2026). Sanctions & Arms-Transfer Tracker (Version 2026.12.2) [Data set]. https://tracker.example.org/data/releases/2026.12.2",
    );
    const bib = bibtexRelease(meta, release);
    expect(bib).toContain("title = {{Sanctions \\& Arms-Transfer Tracker}}");
    expect(bib).toContain("month = dec,");
  });

  it("take the licence from RELEASE_LICENSE", () => {
    expect(datasetMetadata({ RELEASE_LICENSE: "CC0-1.0" }).license).toMatchObject({
      name: "CC0-1.0",
      path: "https://creativecommons.org/publicdomain/zero/1.0/",
    });
    expect(citationCff(datasetMetadata({ RELEASE_LICENSE: "ODbL-1.0" }), release)).toContain('license: "ODbL-1.0"');
  });
});

describe("datapackage.json", () => {
  it("describes every CSV column from the codebook, with keys between the files", () => {
    for (const f of [...eventFields(), ...sourceFields(), ...actorFields()])
      expect(f.description, f.name).not.toMatch(/^See the codebook/);
    const files = ["events.csv", "sources.csv"].map((name) => ({ name, sha256: "a".repeat(64), size: 10 }));
    const d = dataPackage({ meta, version: release.version, title: "T", createdAt: release.createdAt, files });
    expect(d.resources[1].schema).toMatchObject({
      primaryKey: ["event_id", "position"],
      foreignKeys: [{ fields: ["event_id"], reference: { resource: "events", fields: ["id"] } }],
    });
    expect(d.resources[0].hash).toBe(`sha256:${"a".repeat(64)}`);
  });
});

describe("the zip", () => {
  const files = [
    { name: "events.csv", bytes: new TextEncoder().encode("id,title\r\n".repeat(50_000)) },
    { name: "CHANGELOG.md", bytes: new TextEncoder().encode("# Changelog\n") },
  ];

  it("is the same bytes however the files arrive, in any time zone, and unzips to them", () => {
    const whole = releaseZip("pkg-2026.12.2", release.createdAt, files);
    const parts: Uint8Array[] = [];
    const z = new ReleaseZip("pkg-2026.12.2", release.createdAt, (c) => parts.push(c));
    for (const f of files) {
      const w = z.file(f.name);
      for (let i = 0; i < f.bytes.length; i += 7_777) w.push(f.bytes.subarray(i, i + 7_777)); // odd chunks
      w.end();
    }
    z.end();
    expect(sha(Buffer.concat(parts))).toBe(sha(whole));
    const tz = process.env.TZ;
    try {
      process.env.TZ = "America/St_Johns";
      expect(sha(releaseZip("pkg-2026.12.2", release.createdAt, files))).toBe(sha(whole));
    } finally {
      process.env.TZ = tz;
    }
    const out = unzipSync(whole);
    expect(Object.keys(out)).toEqual(["pkg-2026.12.2/events.csv", "pkg-2026.12.2/CHANGELOG.md"]);
    expect(sha(out["pkg-2026.12.2/events.csv"])).toBe(sha(files[0].bytes));
  });
});
