import { defineConfig } from "prisma/config";

// The database URL is given to the app at run time (lib/db.ts); the CLI is used here only for
// `prisma generate`, which needs no connection. Migrations run through scripts/migrate.mjs.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
