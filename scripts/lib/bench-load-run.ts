// Sets up `npm run bench -- --load`: editor accounts in the bench database, one signed-in HTTP
// session per editor, the ids readers will ask for; then counts what the editors' saves left.
import pg from "pg";
import { benchLoad, type LoadResult } from "./bench-load";

export async function runLoadBench(base: string, url: string, opts: { connections: number; durationSeconds: number; editors: number }): Promise<LoadResult & { savedRows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>("SELECT id FROM event WHERE status = 'published' AND NOT deleted ORDER BY random() LIMIT 500")).rows.map((r) => r.id);
    const before = Number((await client.query("SELECT count(*) FROM event")).rows[0].count);
    const result = await benchLoad({
      base,
      connections: opts.connections,
      durationSeconds: opts.durationSeconds,
      eventIds: ids,
      editors: opts.editors,
      save: async () => {
        throw new Error("editor saves are not wired yet");
      },
    });
    const after = Number((await client.query("SELECT count(*) FROM event")).rows[0].count);
    return { ...result, savedRows: after - before };
  } finally {
    await client.end();
  }
}
