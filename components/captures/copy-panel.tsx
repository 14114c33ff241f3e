"use client";
// One source's captured copy in the event form: capture the source's address now, or upload a
// page saved from a browser; then what was kept (when, its SHA-256, size and type, links to read
// and download it) and whether the quote is in it.
import { useState } from "react";
import { captureSourceAction, type CopyActionResult, type CopyResult } from "@/lib/captures/actions";
import { MAX_COPY_BYTES } from "@/lib/captures/limits";
import { postUpload } from "@/lib/uploads/post-upload";

// A file goes to a route with its own body limit, not a server action (lib/captures/upload-copy.ts).
async function uploadCopyFile(form: FormData): Promise<CopyActionResult> {
  const answer = await postUpload<CopyActionResult>("/editor/uploads/copy", form);
  return "ok" in answer ? answer : { ok: false, message: answer.message };
}

type Props = {
  /** 1-based, for labels that tell the sources apart. */
  n: number;
  url: string;
  quote: string;
  captureId: string;
  copy?: CopyResult;
  check?: CopyActionResult;
  /** True while any source's copy is being fetched (the form then keeps its order). */
  busy: boolean;
  onBusy: (busy: boolean) => void;
  onAttached: (result: CopyResult) => void;
  onDetach: () => void;
};

const KINDS: Record<string, string> = {
  "text/html": "web page (HTML)",
  "application/pdf": "PDF",
  "text/plain": "plain text",
};

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

const formatTime = (iso: string) =>
  `${new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;

export function CopyPanel({ n, url, quote, captureId, copy, check, busy, onBusy, onAttached, onDetach }: Props) {
  const [working, setWorking] = useState<"capture" | "upload" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = (f: string) => `src-${n - 1}-${f}`;
  const of = <span className="visually-hidden"> (source {n})</span>;

  async function run(kind: "capture" | "upload", call: () => Promise<CopyActionResult>) {
    setWorking(kind);
    setError(null);
    onBusy(true);
    try {
      const result = await call();
      if (result.ok) onAttached(result);
      else setError(result.message);
    } catch {
      setError("The server could not be reached; nothing was stored. Please try again.");
    } finally {
      setWorking(null);
      onBusy(false);
    }
  }

  function upload(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_COPY_BYTES) {
      setError("The file is larger than 10 MB, the most a copy may be.");
      return;
    }
    const form = new FormData();
    form.set("file", file);
    form.set("url", url);
    form.set("quote", quote);
    void run("upload", () => uploadCopyFile(form));
  }

  return (
    <div className="copy-panel" role="group" aria-labelledby={id("copy-heading")}>
      <h4 id={id("copy-heading")}>Captured copy{of}</h4>
      {captureId && copy ? (
        <>
          <p>
            {copy.method === "fetched" ? "Captured" : "Uploaded"} {formatTime(copy.capturedAt)}
            {copy.finalUrl && (
              <>
                {" "}
                {copy.method === "fetched" ? "from" : "saved from"} <span className="break">{copy.finalUrl}</span>
              </>
            )}{" "}
            · {formatBytes(copy.size)}, {KINDS[copy.contentType] ?? copy.contentType}
            {copy.textLength === 0 && (
              <>
                {" "}
                · <strong>no text could be read from it</strong> (a scanned PDF?), so quotes cannot be checked
              </>
            )}
          </p>
          <details>
            <summary>
              SHA-256 <code>{copy.sha256.slice(0, 12)}…</code>
            </summary>
            <code className="break">{copy.sha256}</code>
          </details>
          <p className="actions">
            <a href={`/editor/copies/${copy.captureId}`} target="_blank" rel="noreferrer">
              Read the text{of}
            </a>
            <a href={`/editor/copies/${copy.captureId}/original`} download>
              Download the original{of}
            </a>
            <button type="button" className="link-button" disabled={busy} onClick={onDetach}>
              Detach this copy{of}
            </button>
          </p>
        </>
      ) : captureId ? (
        <p className="muted">A copy is attached (loading its details…).</p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={busy || !url.trim()}
          onClick={() => run("capture", () => captureSourceAction(url, quote))}
        >
          {working === "capture" ? "Capturing…" : captureId ? "Capture again" : "Capture now"}
          {of}
        </button>
      </div>
      <label htmlFor={id("upload")}>Upload a saved copy (HTML, PDF or plain text, at most 10 MB){of}</label>
      <input
        id={id("upload")}
        type="file"
        accept=".html,.htm,.pdf,.txt,text/html,application/pdf,text/plain"
        disabled={busy}
        onChange={(e) => {
          upload(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {working === "upload" && <p role="status">Uploading…</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <QuoteCheck quote={quote} captureId={captureId} check={check} />
    </div>
  );
}

function QuoteCheck({ quote, captureId, check }: { quote: string; captureId: string; check?: CopyActionResult }) {
  let message: string;
  let passage: string | undefined;
  if (!quote.trim()) message = "No quote (note only)";
  else if (!captureId) message = "No copy yet";
  else if (!check) message = "Checking the quote against the copy…";
  else if (!check.ok) message = check.message;
  else if (check.check.status === "verified") {
    message = "Quote found in the copy";
    passage = check.check.passage;
  } else message = "Quote not found in this copy";
  return (
    <div role="status" className="quote-check">
      <p>
        <strong>Quote check:</strong> {message}
      </p>
      {passage && <blockquote aria-label="Matching passage in the copy">{passage}</blockquote>}
    </div>
  );
}
