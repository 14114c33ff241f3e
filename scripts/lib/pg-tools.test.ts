// Which pg_dump is used, and what a user is told when none fits: with fake tools that report a
// version, so no PostgreSQL is needed.
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionEnv, describeDatabase, findPgTool, toolMajorVersion } from "./pg-tools";

describe("findPgTool", () => {
  let dir: string;
  const fake = async (name: string, version: string) => {
    const file = path.join(dir, name);
    await writeFile(
      file,
      `#!/bin/sh\necho "${name.replace(/-.*/, "")} (PostgreSQL) ${version} (Debian ${version}-1)"\n`,
    );
    await chmod(file, 0o755);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "tracker-pg-tools-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads a tool's major version", async () => {
    expect(toolMajorVersion(await fake("pg_dump-15", "15.20"))).toBe(15);
    expect(toolMajorVersion(path.join(dir, "missing"))).toBeNull();
  });

  it("takes PG_DUMP when it matches the server's major version", async () => {
    const file = await fake("pg_dump-16", "16.4");
    expect(findPgTool("pg_dump", 16, { PG_DUMP: file })).toBe(file);
  });

  it("refuses a PG_DUMP of another major version instead of looking elsewhere", async () => {
    const file = await fake("pg_dump-14", "14.9");
    expect(() => findPgTool("pg_dump", 15, { PG_DUMP: file })).toThrow(
      `PG_DUMP=${file} is pg_dump 14, but the server runs PostgreSQL 15; point it at a PostgreSQL 15 pg_dump or unset it.`,
    );
    expect(() => findPgTool("pg_restore", 15, { PG_RESTORE: path.join(dir, "missing") })).toThrow(
      "does not run as pg_restore",
    );
  });

  it("names the Debian package to install when no tool of that version exists", () => {
    expect(() => findPgTool("pg_dump", 97, {})).toThrow(
      "No pg_dump for PostgreSQL 97 was found: install Debian's postgresql-client-97 package (apt-get install postgresql-client-97), or set PG_DUMP to a PostgreSQL 97 pg_dump.",
    );
  });
});

describe("connectionEnv", () => {
  it("passes the connection in PG* variables, decoded, and drops what libpq would refuse", () => {
    const env = connectionEnv(
      "postgresql://app%40x:p%40ss%3Aw0rd@db.example.org:6543/tracker%20db?schema=public&sslmode=require&connection_limit=5",
    );
    expect(env).toMatchObject({
      PGHOST: "db.example.org",
      PGPORT: "6543",
      PGUSER: "app@x",
      PGPASSWORD: "p@ss:w0rd",
      PGDATABASE: "tracker db",
      PGSSLMODE: "require",
    });
    expect(
      Object.keys(env)
        .filter((k) => k.startsWith("PG"))
        .sort(),
    ).toEqual(["PGCONNECT_TIMEOUT", "PGDATABASE", "PGHOST", "PGPASSWORD", "PGPORT", "PGSSLMODE", "PGUSER"]);
  });

  it("describes a database without its user or password", () => {
    expect(describeDatabase("postgresql://app:secret@127.0.0.1:5432/tracker")).toBe("127.0.0.1:5432/tracker");
  });
});
