import "server-only";
// CSV import: every row is checked with the same zod schema as the editor's form and written
// through the same mutations (roles, revisions), all inside one transaction. A dry run does
// the same work and rolls it back, so what it reports is exactly what a real import would do.
import type { PrismaClient } from "../generated/prisma/client";
import { assertRole, ForbiddenError, hasRole, type SessionUser } from "../auth/roles";
import { InvalidInputError } from "../events/errors";
import { emptyImportReport } from "./empty-report";
import { createEvent, updateEvent } from "../events/mutations";
import { eventInputSchema, fieldErrorsOf, type NewActorInput } from "../events/schemas";
import { isStorableText } from "../validation/storable-text";
import { toSnapshot, snapshotInclude } from "../events/snapshot";
import { deferPublicVersionBump, flushPublicVersionBump } from "../page-cache/public-version";
import { checkRelatedColumn, writeRelatedColumn } from "../relations/import";
import {
  columnOf,
  keepCopies,
  newEventId,
  parseActors,
  readCsv,
  toEventInput,
  toSourceInput,
  type CsvRecord,
  type KnownActor,
  type RowError,
} from "./rows";

export interface ImportOptions {
  eventsCsv: string;
  sourcesCsv?: string;
  /** "file" keeps each row's status; contributors always import drafts. */
  status: "file" | "draft" | "in_review" | "published";
  dryRun: boolean;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  newActors: string[];
  errors: RowError[];
  /** A problem with a whole file (unreadable, too big, wrong columns). */
  fileError?: string;
  /** What the import did that the counts do not say (sources kept, ids made). */
  notes: string[];
  committed: boolean;
}

// Readers see revision notes in the public history: a fixed note, never the uploaded file's
// name, which may say more than the newsroom means to publish.
const IMPORT_NOTE = "Imported from a CSV file";

class Rollback extends Error {}

function rowErrors(err: InvalidInputError | ForbiddenError, row: number): RowError[] {
  const fields = Object.entries((err as InvalidInputError).fieldErrors ?? {});
  // A changed quote of a published event that its copy does not hold needs an editor's reason,
  // which a file has no place for: say so, rather than name a form field the file lacks.
  if (fields.some(([path]) => path === "confirmNotFound")) {
    const what = err.message.split(" To publish anyway")[0];
    return [
      {
        row,
        column: "sources.csv, quote",
        message: `${what} An import cannot confirm that: correct the quote, or make the change in the event's editor, which asks for a reason.`,
      },
    ];
  }
  if (!fields.length) return [{ row, column: "id", message: err.message }];
  return fields.map(([path, messages]) => ({ row, column: columnOf(path), message: messages.join(" ") }));
}

export async function importEvents(
  prisma: PrismaClient,
  user: SessionUser | null,
  opts: ImportOptions,
): Promise<ImportReport> {
  assertRole(user, "contributor");
  const report: ImportReport = emptyImportReport();
  const events = readCsv(
    opts.eventsCsv,
    ["id", "title", "summary", "event_type", "claim_status", "start_date", "date_precision"],
    "The events file",
  );
  if ("error" in events) return { ...report, fileError: events.error };
  const sourcesFile = opts.sourcesCsv
    ? readCsv(opts.sourcesCsv, ["event_id", "position", "title"], "The sources file")
    : null;
  if (sourcesFile && "error" in sourcesFile) return { ...report, fileError: sourcesFile.error };
  // Each citation needs a quote or a note (the schema says so per row); the file needs one of the columns.
  if (sourcesFile?.records.length && !("quote" in sourcesFile.records[0]) && !("note" in sourcesFile.records[0])) {
    return {
      ...report,
      fileError:
        "The sources file lacks the columns quote and note (it needs at least one); use the format of the export.",
    };
  }
  report.rows = events.records.length;

  const sourcesByEvent = new Map<string, CsvRecord[]>();
  for (const s of sourcesFile?.records ?? [])
    sourcesByEvent.set(s.event_id, [...(sourcesByEvent.get(s.event_id) ?? []), s]);
  const known = new Map<string, KnownActor>();
  for (const a of await prisma.actor.findMany({ select: { slug: true, name: true, aliases: true } })) {
    for (const name of [a.name, ...a.aliases]) known.set(name.toLowerCase(), a);
  }
  const created = new Map<string, NewActorInput>();
  const status = (r: CsvRecord) =>
    !hasRole(user, "editor") ? "draft" : opts.status === "file" ? r.status || "draft" : opts.status;

  // An existing event the sources file does not mention keeps its sources (no sources file: all
  // of them), so the check validates each such row with the sources it will keep.
  const idOf = (r: CsvRecord) => r.id?.trim() ?? "";
  const keeping = new Map<string, unknown[]>();
  // An id PostgreSQL cannot store (a NUL) names no event: the schema refuses it by row below.
  const unmentioned = events.records.map(idOf).filter((id) => id && isStorableText(id) && !sourcesByEvent.has(id));
  for (const e of unmentioned.length
    ? await prisma.event.findMany({ where: { id: { in: unmentioned } }, include: snapshotInclude })
    : []) {
    keeping.set(e.id, toSnapshot(e).sources);
  }
  if (keeping.size) {
    report.notes.push(
      sourcesFile
        ? `${keeping.size} existing event${keeping.size === 1 ? " that the sources file does not mention keeps its" : "s that the sources file does not mention keep their"} sources.`
        : `No sources file: the ${keeping.size === 1 ? "existing event keeps its" : `${keeping.size} existing events keep their`} sources.`,
    );
  }

  // First pass, no writes: shape and schema of every row.
  const prepared = events.records.map((r, i) => {
    const row = i + 2;
    const { links, problems } = parseActors(r.actors, known, created);
    for (const message of problems) report.errors.push({ row, column: "actors", message });
    // A row without an id is a new event (the event form makes its id the same way); the
    // sources file cannot refer to it, since it names events by id.
    const made = !idOf(r);
    const sources = made
      ? undefined
      : sourcesByEvent
          .get(idOf(r))
          ?.sort((a, b) => Number(a.position) - Number(b.position))
          .map(toSourceInput);
    const input = toEventInput(
      made ? { ...r, id: newEventId(r) } : r,
      links,
      sources ?? keeping.get(idOf(r)),
      status(r),
    );
    const parsed = eventInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const [path, messages] of Object.entries(fieldErrorsOf(parsed.error)))
        report.errors.push({ row, column: columnOf(path), message: messages.join(" ") });
    }
    return { row, input, sources, made, first: r.first_published_at, last: r.last_changed_at };
  });
  report.newActors = [...created.values()].map((a) => a.name);
  // The optional `related` column: each row's links to other events (lib/relations/import.ts).
  const related =
    events.records.length && "related" in events.records[0]
      ? await checkRelatedColumn(
          prisma,
          events.records.map((r) => r.related),
          events.records.map(idOf),
        )
      : null;
  if (related) report.errors.push(...related.errors);
  if (report.errors.length) return report;

  try {
    await prisma.$transaction(
      async (itx) => {
        // Every row's write runs on this very client: the mutations open a (nested) transaction of
        // their own when the client they get answers to "$transaction", as Prisma's transaction
        // client does, and bumpPublicVersion would then see another client than the one marked
        // below. One transaction for the file is all or nothing anyway.
        const tx = new Proxy(itx, { has: (target, key) => key !== "$transaction" && Reflect.has(target, key) });
        // The version readers' cached pages are checked against is bumped once, just before the
        // commit: bumping it with the first published row locked it, and with it every publisher
        // on the desk, until the whole import ended. A check (dry run) never bumps it.
        deferPublicVersionBump(tx);
        const used = new Set(prepared.filter((p) => !p.made).map((p) => p.input.id));
        for (const p of prepared) {
          if (p.made) {
            // A made id never names an existing event or another row's: number it on ("-2", "-3"…).
            const base = p.input.id;
            for (
              let n = 2;
              used.has(p.input.id) || (await tx.event.findUnique({ where: { id: p.input.id }, select: { id: true } }));
              n++
            )
              p.input.id = `${base}-${n}`;
            used.add(p.input.id);
            report.notes.push(`Row ${p.row} had no id; the new event's id is ${p.input.id}.`);
          }
          const existing = p.made
            ? null
            : await tx.event.findUnique({ where: { id: p.input.id }, include: snapshotInclude });
          try {
            if (!existing) {
              const stamp = (v: string) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined);
              await createEvent(
                tx,
                user,
                p.input,
                [...created.values()].filter((a) => p.input.actors.some((l) => l.actor === a.slug)),
                { publishedAt: stamp(p.first), updatedAt: stamp(p.last) },
              );
              report.created++;
            } else {
              // What the CSV does not carry stays as it is: tags and the location's precision always,
              // sources without a sources file.
              const current = toSnapshot(existing);
              const input = {
                ...p.input,
                tags: current.tags,
                locationPrecision: current.locationPrecision,
                sources: p.sources ? keepCopies(p.sources, current.sources) : current.sources,
              };
              const r = await updateEvent(tx, user, p.input.id, existing.version, input, {
                kind: "update",
                note: IMPORT_NOTE,
                newActors: [...created.values()].filter(
                  (a) => input.actors.some((l) => l.actor === a.slug) && !known.has(a.name.toLowerCase()),
                ),
              });
              if ("unchanged" in r) report.unchanged++;
              else report.updated++;
            }
          } catch (err) {
            if (err instanceof InvalidInputError || err instanceof ForbiddenError)
              report.errors.push(...rowErrors(err, p.row));
            else throw err;
          }
        }
        const linked =
          related && !report.errors.length
            ? await writeRelatedColumn(
                tx,
                user,
                related,
                prepared.map((p) => p.input.id),
                IMPORT_NOTE,
                report.errors,
              )
            : 0;
        if (linked)
          report.notes.push(`${linked} link${linked === 1 ? "" : "s"} between events added (the related column).`);
        if (opts.dryRun || report.errors.length) throw new Rollback();
        await flushPublicVersionBump(tx);
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
    report.committed = true;
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return report;
}
