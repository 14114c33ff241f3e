// An editor over HTTP, for scripts and tests that need real writes without a browser: it signs in
// through Auth.js's credentials callback and saves events through the app's own server action,
// encoded exactly as React encodes it in the browser (React's `encodeReply`, from the copy that
// Next.js ships), so a save takes the same path as a click on "Create draft": the proxy, the
// same-origin check on server actions, the session, the role check, the mutation and its revision.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { distDir, inDistDir } from "./dist-dir";

const require = createRequire(import.meta.url);

interface FlightClient {
  encodeReply(value: unknown): Promise<string | FormData>;
}
// The browser build of React's flight client is what runs in the editor's tab; the edge build is
// the same encoder without DOM dependencies.
const flight = require("next/dist/compiled/react-server-dom-webpack/client.edge") as FlightClient;

export interface EditorSession {
  baseUrl: string;
  cookie: string;
}

/** What the save action answered: the event's id after a save, or the form's message after a refusal. */
export type SaveResult =
  { ok: true; id: string; status: number; ms: number } | { ok: false; status: number; message: string; ms: number };

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in with email and password through Auth.js (CSRF token, then the credentials callback). */
export async function signInEditor(baseUrl: string, email: string, password: string): Promise<EditorSession> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), Origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/editor` }),
  });
  cookiesFrom(answer, jar);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) {
    throw new Error(
      `Sign-in as ${email} failed (HTTP ${answer.status}, to ${answer.headers.get("location") ?? "nowhere"})`,
    );
  }
  return { baseUrl, cookie: cookieHeader(jar) };
}

/** The id of an exported server action in the current build (ids change with every build). */
export async function serverActionId(exportedName: string, file = "lib/events/actions.ts"): Promise<string> {
  const manifest = JSON.parse(await readFile(inDistDir("server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, a]) => a.exportedName === exportedName && (!a.filename || a.filename.endsWith(file)),
  );
  if (!found)
    throw new Error(
      `No server action ${exportedName} in ${distDir()}/server/server-reference-manifest.json; build the app first.`,
    );
  return found[0];
}

/**
 * Calls a server action as the browser does: POST to the page that renders the form, with the
 * action id in `Next-Action`, a same-origin `Origin` (Next.js refuses others), and the arguments
 * `[previousState, formData]` encoded by React. `useActionState` passes exactly these two.
 */
async function callFormAction(
  session: EditorSession,
  pagePath: string,
  actionId: string,
  fields: Record<string, string>,
  signal?: AbortSignal,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const body = await flight.encodeReply([{}, form]);
  return fetch(`${session.baseUrl}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    signal,
    headers: { Accept: "text/x-component", "Next-Action": actionId, Origin: session.baseUrl, Cookie: session.cookie },
    body,
  });
}

// A refused save answers with the action's state in React's flight format: one line per chunk,
// `<id>:<json>`; the state is the object that carries `message`.
function messageFromFlight(text: string): string | undefined {
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    try {
      const value = JSON.parse(json) as unknown;
      const found = findMessage(value);
      if (found) return found;
    } catch {
      // not a JSON chunk
    }
  }
  return undefined;
}
function findMessage(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  if (typeof (value as { message?: unknown }).message === "string") return (value as { message: string }).message;
  for (const v of Object.values(value)) {
    const found = findMessage(v);
    if (found) return found;
  }
  return undefined;
}

export interface NewEventPayload {
  input: Record<string, unknown>;
  newActors?: unknown[];
}

/** Saves a new event through saveEventAction, with the payload the editor form builds. */
export async function saveNewEvent(
  session: EditorSession,
  actionId: string,
  payload: NewEventPayload,
  signal?: AbortSignal,
): Promise<SaveResult> {
  const started = performance.now();
  const response = await callFormAction(
    session,
    "/editor/events/new",
    actionId,
    { payload: JSON.stringify({ newActors: [], ...payload }) },
    signal,
  );
  const text = await response.text();
  const ms = performance.now() - started;
  // A save ends in redirect(`/editor/events/<id>?saved=1`), which a fetch-based action call
  // receives as the `x-action-redirect` header.
  const redirect = response.headers.get("x-action-redirect");
  const saved = redirect && /^\/editor\/events\/([^/?;]+)\?saved=1/.exec(redirect);
  if (saved) return { ok: true, id: decodeURIComponent(saved[1]), status: response.status, ms };
  return {
    ok: false,
    status: response.status,
    message: messageFromFlight(text) ?? `HTTP ${response.status}: ${text.slice(0, 200)}`,
    ms,
  };
}

/** A minimal valid draft with one source, like the one an editor types into the form. */
export function draftEvent(id: string, title = `Load test event ${id}`): NewEventPayload {
  return {
    input: {
      id,
      title,
      summary: "Written by a script to check that saves survive.",
      type: "summit-meeting",
      claimStatus: "confirmed",
      startDate: "2024-06-19",
      precision: "day",
      approximate: false,
      countryCodes: ["KP", "RU"],
      tags: [],
      itemCategories: [],
      status: "draft",
      actors: [],
      sources: [{ title: "A source", sourceType: "news", quote: "A quoted passage.", language: "en" }],
    },
  };
}
