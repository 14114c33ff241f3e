// npm run release:create -- --title "December 2026" [--description "…"]
// Makes a numbered, immutable release of the public record (lib/releases/create.ts), as an
// admin does at /admin/releases. The CSVs' links use PUBLIC_URL, as the site's downloads do: run
// it with the site's configuration.
import { parseArgs } from "node:util";
import { InvalidInputError } from "../lib/events/errors";
import { createPrismaClient } from "../lib/prisma-client";
import { makeRelease } from "../lib/releases/create";
import { datasetMetadata } from "../lib/releases/metadata";
import { openAppDatabase } from "../tooling/database";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

await runCli(async () => {
  const { values } = parseArgs({ options: { title: { type: "string" }, description: { type: "string" } } });
  if (!values.title?.trim())
    throw new UserFacingError('Give the release a title: npm run release:create -- --title "December 2026"');
  const meta = datasetMetadata();
  if (!process.env.PUBLIC_URL) console.warn(`PUBLIC_URL is not set: the files will link to ${meta.origin}.`);
  const database = await openAppDatabase();
  // One connection holds the release's transaction while two more read the CSVs.
  const prisma = createPrismaClient(database.url, 4);
  try {
    // The command line is trusted like an admin: whoever runs it controls the database anyway.
    const made = await makeRelease(prisma, { title: values.title, description: values.description }, null, meta);
    console.log(
      `Release ${made.version}: ${made.eventCount.toLocaleString("en")} events, ${made.sourceCount.toLocaleString("en")} sources.`,
    );
    for (const f of made.files) console.log(`  ${f.sha256}  ${f.name} (${f.size.toLocaleString("en")} bytes)`);
    console.log(`${meta.origin}/data/releases/${made.version}`);
  } catch (err) {
    if (err instanceof InvalidInputError)
      throw new UserFacingError([err.message, ...Object.values(err.fieldErrors).flat()].join(" "));
    throw err;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
