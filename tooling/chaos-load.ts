// Steady load for outage drills: readers fetch pages and the API in a loop, editors save new
// events through the real server action. Every answer is recorded with its start and end time,
// and every save the app acknowledged (it redirected to the saved event) is remembered, so the
// drill can check afterwards that none of them was lost.
import { NOTHING_SAVED_MESSAGE } from "../lib/db-errors";
import { draftEvent, saveNewEvent, type EditorSession } from "./editor-client";

export interface Sample {
  kind: "page" | "api" | "save";
  path: string;
  start: number;
  end: number;
  /** HTTP status, or 0 when no answer came (refused, reset, or our 15 s timeout). */
  status: number;
  /** For a 503: was it the app's own outage answer (page, JSON or text with Retry-After)? */
  retryAfter: boolean;
  error?: string;
}

const REQUEST_TIMEOUT_MS = 15_000;

export const READ_PATHS = [
  { kind: "page", path: "/" },
  { kind: "page", path: "/events" },
  { kind: "page", path: "/events?sort=title&page=2" },
  { kind: "page", path: "/events/2023-09-13-kim-putin-vostochny-summit" },
  { kind: "page", path: "/timeline" },
  { kind: "api", path: "/api/v1/events?limit=20" },
  { kind: "api", path: "/api/v1/events/2023-09-13-kim-putin-vostochny-summit" },
  { kind: "api", path: "/events.atom" },
] as const;

export class SteadyLoad {
  samples: Sample[] = [];
  /** Ids of events whose save the app acknowledged. */
  acknowledged: string[] = [];
  /** Ids whose save got no clear answer (may or may not be saved; never counted as lost). */
  unknown: { id: string; answer: string }[] = [];
  private running = true;
  private loops: Promise<void>[] = [];

  constructor(private appUrl: string) {}

  private async read(target: (typeof READ_PATHS)[number]) {
    const start = performance.now();
    try {
      const r = await fetch(this.appUrl + target.path, {
        headers: { Accept: target.kind === "page" ? "text/html" : "application/json" },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await r.arrayBuffer();
      this.samples.push({
        kind: target.kind,
        path: target.path,
        start,
        end: performance.now(),
        status: r.status,
        retryAfter: r.headers.has("retry-after"),
      });
    } catch (err) {
      this.samples.push({
        kind: target.kind,
        path: target.path,
        start,
        end: performance.now(),
        status: 0,
        retryAfter: false,
        error: (err as Error).message,
      });
    }
  }

  startReader(index: number, pauseMs = 50) {
    this.loops.push(
      (async () => {
        for (let i = index; this.running; i++) {
          await this.read(READ_PATHS[i % READ_PATHS.length]);
          await new Promise((r) => setTimeout(r, pauseMs));
        }
      })(),
    );
  }

  startEditor(session: EditorSession, actionId: string, name: string, pauseMs = 150) {
    this.loops.push(
      (async () => {
        for (let n = 1; this.running; n++) {
          const id = `2024-06-19-chaos-${name}-${n}`;
          const start = performance.now();
          try {
            const r = await saveNewEvent(session, actionId, draftEvent(id), AbortSignal.timeout(REQUEST_TIMEOUT_MS));
            // A server action refuses with status 200 and a message for the form; the outage
            // message (or the proxy's 503) is the clear answer we expect during an outage.
            const outage = !r.ok && (r.status === 503 || r.message === NOTHING_SAVED_MESSAGE);
            const status = r.ok ? 200 : outage ? 503 : r.status === 200 ? 500 : r.status;
            this.samples.push({
              kind: "save",
              path: "save",
              start,
              end: performance.now(),
              status,
              retryAfter: outage,
              error: r.ok ? undefined : r.message,
            });
            if (r.ok) this.acknowledged.push(r.id);
            else if (!outage) this.unknown.push({ id, answer: `${r.status} ${r.message}`.slice(0, 160) });
          } catch (err) {
            this.samples.push({
              kind: "save",
              path: "save",
              start,
              end: performance.now(),
              status: 0,
              retryAfter: false,
              error: (err as Error).message,
            });
            this.unknown.push({ id, answer: (err as Error).message });
          }
          await new Promise((r) => setTimeout(r, pauseMs));
        }
      })(),
    );
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
  }
}
