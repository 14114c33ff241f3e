// Vitest global setup for integration tests: one PostgreSQL server for the run (the one in
// TEST_DATABASE_URL, or a throw-away embedded one) and one migrated template database that
// each test file clones, so files run in parallel without sharing rows.
import type { TestProject } from "vitest/node";
import { adminQuery, openScratchServer, withDatabase } from "../../tooling/database";
import { applyMigrations } from "../../tooling/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await openScratchServer();
  const template = `tracker_template_${process.pid}`;
  await adminQuery(server.url, `DROP DATABASE IF EXISTS "${template}"`);
  await adminQuery(server.url, `CREATE DATABASE "${template}"`);
  await applyMigrations(withDatabase(server.url, template));
  project.provide("serverUrl", server.url);
  project.provide("templateDatabase", template);
  return async () => {
    await adminQuery(server.url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await server.stop();
  };
}
