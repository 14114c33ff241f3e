// The report of an import that read no rows: the form's state before any check, the upload route's
// answer when it refuses the files, and what importEvents fills in. Safe in the browser.
import type { ImportReport } from "./import-events";

/** A new report with nothing read or written (a fresh object: importEvents adds to its lists). */
export function emptyImportReport(): ImportReport {
  return {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    newActors: [],
    errors: [],
    notes: [],
    committed: false,
  };
}
