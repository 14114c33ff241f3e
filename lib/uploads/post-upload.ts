// The browser's side of an editor upload route (lib/uploads/accept-upload.ts): post the form,
// and read the JSON answer, or say in a sentence why there is none.
export const SERVER_UNREACHABLE = "The server could not be reached; nothing was stored. Please try again.";

/** The route's JSON, or `{ message }` when the request was turned away before reaching it. */
export async function postUpload<T>(url: string, form: FormData): Promise<T | { message: string }> {
  let res: Response;
  try {
    // Not followed: a signed-out browser is redirected to the sign-in page by the proxy.
    res = await fetch(url, { method: "POST", body: form, redirect: "manual", credentials: "same-origin" });
  } catch {
    return { message: SERVER_UNREACHABLE };
  }
  if (res.type === "opaqueredirect" || (res.status >= 300 && res.status < 400)) return { message: "Sign in first." };
  if ((res.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      return (await res.json()) as T;
    } catch {
      // fall through: a cut-off answer
    }
  }
  return {
    message:
      res.status === 413
        ? "The upload is too large."
        : res.status === 403
          ? "This request was refused."
          : "The server did not answer as expected; nothing was stored. Please try again.",
  };
}
