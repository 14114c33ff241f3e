// Streams a COPY … TO STDOUT as the body of a CSV file: PostgreSQL formats every byte (the
// records are stored formatted, see model EventExport), and the server only takes off binary
// COPY's framing and forwards the bytes, with backpressure: COPY's socket is read only as fast
// as the client takes.
import "server-only";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { BinaryCopyRows } from "./copy-binary-rows";

export interface CopyCsvOptions {
  /** The header row, without its line end. */
  header: string;
  bom: boolean;
  /** Called when reading fails after the first byte; returns the file's last line (the error marker). */
  onFailure: (err: unknown) => string;
  /**
   * A snapshot exported by another transaction (pg_export_snapshot()): the COPY then runs in a
   * read-only REPEATABLE READ transaction that imports it, so it reads exactly what that
   * transaction sees (a release, lib/releases/create.ts). The transaction is rolled back before
   * the connection goes back to the pool; a connection that failed is closed instead.
   */
  snapshot?: string;
}

type Copy = ReturnType<typeof copyTo>;

// PostgreSQL sends a COPY in messages of about 8 KB (some 5,000 for 100,000 events), and each one
// forwarded alone cost a write through Next.js's response stream and the socket: records go out
// in batches of at least this many bytes instead. The first chunk still goes at once (start()),
// so the first byte is not delayed; only a slow, sparse COPY holds its bytes a little longer.
const BATCH_BYTES = 256 * 1024;

/**
 * Connects, starts the COPY and waits for its first bytes before returning, so that a failure
 * until then rejects (the caller answers 503) instead of becoming a 200 cut short.
 */
export async function copyCsv(pool: pg.Pool, sql: string, opts: CopyCsvOptions): Promise<ReadableStream<Uint8Array>> {
  const client = await pool.connect();
  // A whole-table COPY costs enough for PostgreSQL to JIT-compile it, which takes seconds before
  // the first row; the per-row work is small, so the export runs without JIT (reset on release).
  await client.query("SET jit = off").catch((err: Error) => {
    client.release(err);
    throw err;
  });
  // SET TRANSACTION SNAPSHOT must come first in its transaction, and wants REPEATABLE READ.
  if (opts.snapshot)
    await client
      .query(
        `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT ${pg.escapeLiteral(opts.snapshot)}`,
      )
      .catch((err: Error) => {
        client.release(err); // closed, so the transaction begun goes with it
        throw err;
      });
  // A checked-out client's connection errors are ours to catch (the pool listens only to idle
  // ones); the COPY stream reports the same failure, so this listener only keeps the process up.
  const ignore = () => {};
  client.on("error", ignore);
  const copy = client.query(copyTo(sql));
  // Not destroyed when the reader stops: a stopped COPY is cancelled and drained (stopCopy).
  const chunks = copy.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer>;
  let first: IteratorResult<Buffer>;
  try {
    first = await chunks.next();
  } catch (err) {
    client.off("error", ignore);
    client.release(err as Error); // closed, so its jit setting goes with it
    throw err;
  }
  const encoder = new TextEncoder();
  const records = new BinaryCopyRows();
  let released = false;
  let cancelled = false;
  const release = async (err?: Error) => {
    if (released) return;
    released = true;
    client.off("error", ignore);
    if (err) return client.release(err);
    // ROLLBACK also ends a transaction the cancellation left aborted; it only read.
    await client.query(opts.snapshot ? "ROLLBACK; RESET jit" : "RESET jit").then(
      () => client.release(),
      (e: Error) => client.release(e),
    );
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${opts.bom ? "\ufeff" : ""}${opts.header}\r\n`));
      if (first.done) {
        void release();
        controller.close();
      } else {
        const out = records.push(first.value);
        if (out.length) controller.enqueue(out);
      }
    },
    // A pull must enqueue something or end, or the reader would wait for ever: loop past the
    // chunks that finish no record.
    async pull(controller) {
      if (cancelled) return;
      const batch: Buffer[] = [];
      let size = 0;
      const send = () => {
        if (size) controller.enqueue(Buffer.concat(batch, size));
      };
      try {
        for (;;) {
          const { done, value } = await chunks.next();
          if (done) {
            await release();
            if (!records.finished) throw new Error("COPY ended inside a record.");
            send();
            return controller.close();
          }
          const out = records.push(value);
          batch.push(out);
          size += out.length;
          if (size >= BATCH_BYTES) return send();
        }
      } catch (err) {
        if (cancelled) return; // the cancellation's own error
        await release(err as Error); // the connection may be broken: the pool replaces it
        send(); // the whole records read before the failure, then the marker
        controller.enqueue(encoder.encode(`${opts.onFailure(err)}\r\n`));
        controller.close();
      }
    },
    // The client went away.
    async cancel() {
      cancelled = true;
      if (!released) await release(await stopCopy(client, copy, chunks));
    },
  });
}

/**
 * Stops a COPY that is still sending: PostgreSQL's cancel request (on a connection of its own,
 * as pg_cancel_backend would), then the rows already in flight are read and dropped until the
 * cancellation's error, after which the connection is idle and goes back to the pool. Returns
 * an error (the connection is then closed instead) if the server does not stop within 5 s.
 */
async function stopCopy(client: pg.PoolClient, copy: Copy, chunks: AsyncIterator<Buffer>): Promise<Error | undefined> {
  if (copy.readableEnded) return undefined;
  // node-postgres's own way to send it (Client#cancel, not in its type definitions).
  const canceller = new pg.Client({ host: client.host, port: client.port });
  canceller.connection.on("error", () => {}); // a failed cancel only means waiting for the timeout
  (canceller as unknown as { cancel(c: pg.PoolClient, q: Copy): void }).cancel(client, copy);
  // Read to the end (resume() would not: the iterator listens for 'readable').
  const stopped = (async () => {
    try {
      while (!(await chunks.next()).done);
    } catch {
      // the cancellation's error: the server has stopped
    }
    return undefined;
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Error>(
    (resolve) => (timer = setTimeout(() => resolve(new Error("COPY did not stop when cancelled.")), 5000)),
  );
  const result = await Promise.race([stopped, late]);
  clearTimeout(timer);
  return result;
}
