// Sets up `npm run bench -- --load`: editor accounts in the bench database, one signed-in HTTP
// session per editor (saves go through the real server action, see editor-client.ts), the ids
// readers will ask for; then counts the events the editors' acknowledged saves left behind.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { benchLoad, type LoadResult } from "./bench-load";
import {
  draftEvent,
  saveNewEvent,
  serverActionId,
  signInEditor,
  type EditorSession,
} from "../../tooling/editor-client";

export async function runLoadBench(
  bases: string[],
  url: string,
  opts: { connections: number; durationSeconds: number; editors: number; rate?: number },
): Promise<LoadResult & { savedRows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = (
      await client.query<{ id: string }>(
        "SELECT id FROM event WHERE status = 'published' AND NOT deleted ORDER BY random() LIMIT 500",
      )
    ).rows.map((r) => r.id);
    const password = randomBytes(12).toString("base64url");
    const hash = await hashPassword(password);
    const run = randomBytes(3).toString("hex");
    const sessions: EditorSession[] = [];
    for (let i = 0; i < opts.editors; i++) {
      const email = `load-editor-${run}-${i}@example.org`;
      await client.query(
        `INSERT INTO app_user (email, name, role, password_hash, updated_at) VALUES ($1, $2, 'editor', $3, now())`,
        [email, `Load editor ${i}`, hash],
      );
      sessions.push(await signInEditor(bases[i % bases.length], email, password));
    }
    const actionId = opts.editors ? await serverActionId("saveEventAction") : "";
    const saved: string[] = [];
    let n = 0;
    const result = await benchLoad({
      bases,
      connections: opts.connections,
      durationSeconds: opts.durationSeconds,
      rate: opts.rate,
      eventIds: ids,
      editors: opts.editors,
      save: async (editor) => {
        const id = `load-${run}-${editor}-${n++}`;
        const r = await saveNewEvent(sessions[editor], actionId, draftEvent(id));
        if (!r.ok) throw new Error(`save refused (${r.status}): ${r.message}`);
        saved.push(r.id);
      },
    });
    const found = await client.query("SELECT count(*) FROM event WHERE id = ANY($1::text[])", [saved]);
    return { ...result, savedRows: Number(found.rows[0].count) };
  } finally {
    await client.end();
  }
}
