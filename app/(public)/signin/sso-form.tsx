import { ssoSignInAction } from "@/lib/auth/sso-action";

/** Single sign-on starts with a POST (a form), never a link: Auth.js refuses a GET. */
export function SsoForm({ from, name }: { from?: string; name: string }) {
  return (
    <form action={ssoSignInAction} className="editor-form narrow">
      <input type="hidden" name="from" value={from ?? "/editor"} />
      <p>
        <button className="button secondary" type="submit">
          Sign in with {name}
        </button>
      </p>
    </form>
  );
}
