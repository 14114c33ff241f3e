-- The longest stored span, read by every date filter (lib/events/longest-span.ts) to bound its
-- index range. An expression index, so it lives here rather than in schema.prisma, which
-- cannot describe one, and schema-to-schema diffs (npm run db:migration:create) leave it alone.
-- (No semicolons in these comments: the WASM engine's driver splits the script on them.)
CREATE INDEX "event_span_length_idx" ON "event" ((span_end - span_start));
